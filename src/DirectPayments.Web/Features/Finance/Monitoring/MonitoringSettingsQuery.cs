using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Monitoring;

/// <summary>The acting council's monitoring settings in force, and plain-English names for flags and outcomes.</summary>
public static class MonitoringSettingsQuery
{
    /// <summary>The newest version in force on <paramref name="on"/>, or the defaults (version 0) when the council has never changed them.</summary>
    public static async Task<MonitoringSettings> CurrentAsync(DpDbContext db, DateOnly on, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.MonitoringSettings.AsNoTracking().Where(s => s.EffectiveFrom <= on).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct)
            ?? Defaults(db.CurrentCouncilId);
    }

    /// <summary>The settings every council starts with (docs/money.md, "Monitoring").</summary>
    public static MonitoringSettings Defaults(Guid councilId) => new()
    {
        CouncilId = councilId,
        Version = 0,
        ChangedByName = "DirectPayments defaults",
        Reason = "The settings every council starts with.",
    };
}

/// <summary>Plain-English names for monitoring's enums.</summary>
public static class FlagText
{
    public static string Title(FlagKind kind) => kind switch
    {
        FlagKind.BalanceAboveContingency => "Money building up",
        FlagKind.ProjectedToRunOut => "Money may run short",
        FlagKind.NoSpendingSinceSetUp => "Support not started yet",
        FlagKind.ContributionsNotPaid => "Contributions not paid in",
        FlagKind.SpendingOutsidePlan => "Spending not in the support plan",
        FlagKind.PossibleDuplicatePayment => "Possible duplicate payment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown flag."),
    };

    public static string Outcome(ConversationOutcome outcome) => outcome switch
    {
        ConversationOutcome.NoActionNeeded => "No action needed",
        ConversationOutcome.PlanChanged => "Support plan changed",
        ConversationOutcome.SupportOffered => "Support offered",
        ConversationOutcome.AgreedReclaim => "Person agreed to return money",
        ConversationOutcome.RepaymentPlan => "Repayment plan agreed",
        ConversationOutcome.SafeguardingReferral => "Safeguarding referral made",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    public static string Level(OversightLevel level) => level switch
    {
        OversightLevel.Light => "Light",
        OversightLevel.Standard => "Standard",
        OversightLevel.Enhanced => "Enhanced",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown level."),
    };
}
