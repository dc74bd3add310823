using DirectPayments.Domain.Platform;

namespace DirectPayments.Domain.Finance.Monitoring;

/// <summary>
/// One account's all-time ledger totals as monitoring last folded them in, so an incremental run
/// reads only the entries written since (<see cref="MonitoringWatermark"/>). Written only by the
/// monitoring run, with set-based SQL; derived data, rebuilt by every full run.
/// </summary>
public sealed class MonitoringTotals : ITenantOwned
{
    public Guid AccountId { get; set; }

    public Guid CouncilId { get; set; }

    /// <summary>The Wallet book's balance.</summary>
    public long WalletPence { get; set; }

    /// <summary>Money ever moved out of the wallet to Spending or Cash.</summary>
    public long OutflowPence { get; set; }

    /// <summary>Person to Wallet plus Person to Council: contributions received.</summary>
    public long ContributionsPence { get; set; }
}

/// <summary>The highest ledger entry id a council's <see cref="MonitoringTotals"/> include.</summary>
public sealed class MonitoringWatermark : ITenantOwned
{
    public Guid CouncilId { get; set; }

    public long LastEntryId { get; set; }

    public DateTime UpdatedAt { get; set; }
}
