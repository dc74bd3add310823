using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;

namespace DirectPayments.Domain.Finance;

/// <summary>
/// Where a person's direct payment is held (RULES.md section 4.2): a pre-payment card, a virtual
/// wallet, a managed account or their own bank account. One arrangement has one open account; its
/// books live in the ledger.
/// </summary>
public sealed class DpAccount : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid ArrangementId { get; set; }

    public Guid PersonId { get; set; }

    public PaymentMethod Kind { get; set; }

    /// <summary>
    /// The account's reference as statements show it (a card or account number, or the provider's
    /// account id), unique in the council; statement lines are matched to accounts by it.
    /// </summary>
    public required string Reference { get; set; }

    /// <summary>Who holds the account, as the bank knows them: the payee of payment runs.</summary>
    public required string HolderName { get; set; }

    /// <summary>Six digits, for the payment file; null for a virtual wallet held by the council.</summary>
    public string? SortCode { get; set; }

    /// <summary>Eight digits, for the payment file.</summary>
    public string? AccountNumber { get; set; }

    public DateOnly OpenedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set by the application on every change, so two people acting at once cannot overwrite each other.</summary>
    public Guid Version { get; set; }
}

/// <summary>
/// How much is paid and when, from the agreement's funding decision (issue #4, item 2). A change
/// (a new budget, a new contribution) starts a new schedule from a date; the old one is kept with
/// its end date so past payments can always be explained.
/// </summary>
public sealed class PaymentSchedule : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid ArrangementId { get; set; }

    public Guid AccountId { get; set; }

    /// <summary>The funding decision the figures came from.</summary>
    public Guid? FundingDecisionId { get; set; }

    /// <summary>The first payment date; later payments fall due every period from it, in advance.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>The day after the last period this schedule pays for; null while it runs on.</summary>
    public DateOnly? EndsOn { get; set; }

    public PaymentFrequency Frequency { get; set; }

    public PaymentBasis Basis { get; set; }

    /// <summary>The weekly cost of meeting the needs: the personal budget.</summary>
    public long WeeklyBudgetPence { get; set; }

    /// <summary>The person's assessed weekly contribution.</summary>
    public long WeeklyContributionPence { get; set; }

    /// <summary>A one-off payment made with the first regular payment, such as recruitment costs.</summary>
    public long OneOffPence { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedByName { get; set; }
}

public enum PaymentRunStatus
{
    /// <summary>Worked out and shown for checking; nothing is in the ledger yet.</summary>
    Draft,

    /// <summary>Confirmed: the file was produced and each line posted to the ledger.</summary>
    Confirmed,
}

/// <summary>One run of payments to many accounts, producing the file the council's finance system takes.</summary>
public sealed class PaymentRun : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    /// <summary>A short number people can quote, such as PR-000012.</summary>
    public required string Reference { get; set; }

    /// <summary>The date the money is paid.</summary>
    public DateOnly PayOn { get; set; }

    public PaymentRunStatus Status { get; set; }

    public int LineCount { get; set; }

    public long TotalPence { get; set; }

    /// <summary>The key a client sent, so a re-sent request creates no second run.</summary>
    public string? IdempotencyKey { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public required string CreatedByName { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ConfirmedAt { get; set; }
}

public enum PaymentKind
{
    Regular,
    OneOff,
}

/// <summary>One payment in a run: which account, for which due date, how much.</summary>
public sealed class PaymentRunLine : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid RunId { get; set; }

    public int LineNumber { get; set; }

    public Guid ArrangementId { get; set; }

    public Guid AccountId { get; set; }

    public Guid ScheduleId { get; set; }

    public PaymentKind Kind { get; set; }

    /// <summary>The due date this payment meets; one payment per arrangement, due date and kind, ever.</summary>
    public DateOnly DueOn { get; set; }

    public DateOnly PeriodEndsOn { get; set; }

    public long AmountPence { get; set; }

    /// <summary>The reference the bank statement will show, such as DP EX-000101 0003.</summary>
    public required string PaymentReference { get; set; }
}
