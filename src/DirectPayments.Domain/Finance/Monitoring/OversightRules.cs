using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DirectPayments.Domain.Journey;

namespace DirectPayments.Domain.Finance.Monitoring;

/// <summary>How closely an account is looked at (issue #4, item 7).</summary>
public enum OversightLevel
{
    Light,
    Standard,
    Enhanced,
}

/// <summary>What the score is worked out from, for one account.</summary>
/// <param name="FirstPaymentOn">When the direct payment started.</param>
/// <param name="PastOutcomes">The outcomes of the account's past supportive conversations.</param>
/// <param name="EmploysPersonalAssistant">Whether the person employs personal assistants.</param>
/// <param name="AccountKind">Where the money is held.</param>
/// <param name="WeeklyBudgetPence">The weekly budget in force.</param>
public sealed record OversightFacts(
    DateOnly FirstPaymentOn,
    IReadOnlyList<ConversationOutcome> PastOutcomes,
    bool EmploysPersonalAssistant,
    PaymentMethod AccountKind,
    long WeeklyBudgetPence);

/// <summary>One part of the score: its points and why, in plain English.</summary>
public sealed record ScoreComponent(string Name, int Points, string Reason);

/// <summary>An account's oversight: the score, each component, the level, and what the level means.</summary>
public sealed record Oversight(int Score, IReadOnlyList<ScoreComponent> Components, OversightLevel Level, int ReviewIntervalMonths, string AuditFrequency)
{
    /// <summary>The components as one line, for the audit sample's reasons.</summary>
    public string Reasons => string.Join("; ", Components.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name} {c.Points:+0;-0;0}")));
}

/// <summary>
/// A transparent risk score (issue #4, item 7): every component has points set in the council's
/// monitoring settings and a plain-English reason, so the level can always be explained.
/// </summary>
public static class OversightRules
{
    /// <summary>Months an arrangement counts as new.</summary>
    public const int NewArrangementMonths = 6;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static Oversight Score(OversightFacts facts, MonitoringSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var parts = new List<ScoreComponent>
        {
            new("Starting points", settings.OversightBasePoints, "Every account starts with these, so any account can be chosen for an audit."),
        };
        if (facts.FirstPaymentOn.AddMonths(NewArrangementMonths) > today)
        {
            parts.Add(new("New arrangement", settings.NewArrangementPoints,
                $"The direct payment started on {facts.FirstPaymentOn.ToString("d MMMM yyyy", EnGb)}, less than {NewArrangementMonths} months ago: the first months are when help is most often needed."));
        }
        var noAction = facts.PastOutcomes.Count(o => o == ConversationOutcome.NoActionNeeded);
        if (noAction > 0)
        {
            parts.Add(new("Past conversations: no action needed", noAction * settings.NoActionFlagPoints,
                $"{noAction} past conversation{(noAction == 1 ? "" : "s")} found nothing needed doing."));
        }
        var concerns = facts.PastOutcomes.Count(o => o is ConversationOutcome.AgreedReclaim or ConversationOutcome.RepaymentPlan or ConversationOutcome.SafeguardingReferral);
        if (concerns > 0)
        {
            parts.Add(new("Past conversations: money returned or safeguarding", concerns * settings.ConcernFlagPoints,
                $"{concerns} past conversation{(concerns == 1 ? "" : "s")} ended with money paid back, a repayment plan or a safeguarding referral."));
        }
        if (facts.EmploysPersonalAssistant)
        {
            parts.Add(new("Employs personal assistants", settings.EmploysPersonalAssistantPoints,
                "Being an employer brings payroll, tax and pension duties that are easy to get wrong."));
        }
        if (facts.AccountKind == PaymentMethod.OwnBankAccount)
        {
            parts.Add(new("Own bank account", settings.OwnBankAccountPoints,
                "The money is in the person's own bank account, which the council sees only through statements."));
        }
        var budget = new Money(facts.WeeklyBudgetPence);
        if (facts.WeeklyBudgetPence >= settings.LargeBudgetWeeklyPence)
        {
            parts.Add(new("Large budget", settings.LargeBudgetPoints, $"The weekly budget of {budget} is {new Money(settings.LargeBudgetWeeklyPence)} or more."));
        }
        else if (facts.WeeklyBudgetPence >= settings.MediumBudgetWeeklyPence)
        {
            parts.Add(new("Medium budget", settings.MediumBudgetPoints, $"The weekly budget of {budget} is {new Money(settings.MediumBudgetWeeklyPence)} or more."));
        }
        var score = Math.Max(1, parts.Sum(p => p.Points));
        var level = score >= settings.EnhancedFromScore ? OversightLevel.Enhanced
            : score >= settings.StandardFromScore ? OversightLevel.Standard
            : OversightLevel.Light;
        return new Oversight(score, parts, level, ReviewIntervalMonths(level), AuditFrequency(level));
    }

    /// <summary>Months between reviews for a level: never more than the statutory 12 (RULES.md section 5.2).</summary>
    public static int ReviewIntervalMonths(OversightLevel level) => level switch
    {
        OversightLevel.Light => TaskRules.MaximumReviewIntervalMonths,
        OversightLevel.Standard => TaskRules.MaximumReviewIntervalMonths,
        OversightLevel.Enhanced => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown oversight level."),
    };

    /// <summary>How often the level's accounts are audited, in plain English.</summary>
    public static string AuditFrequency(OversightLevel level) => level switch
    {
        OversightLevel.Light => "Only when chosen in the monthly audit sample.",
        OversightLevel.Standard => "Chosen in the monthly audit sample more often, in proportion to the score.",
        OversightLevel.Enhanced => "An audit at each six-monthly review, as well as the monthly sample.",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown oversight level."),
    };
}

/// <summary>
/// The monthly audit sample: accounts chosen with probability proportional to their score, without
/// replacement, from a seed of the council and the month, so anyone can re-derive and explain it.
/// </summary>
public static class AuditSampling
{
    /// <summary>How many accounts to choose: the per-mille share of the accounts, at least 1 when there are any.</summary>
    public static int SampleSize(int accounts, int perMille) =>
        accounts <= 0 ? 0 : Math.Min(accounts, Math.Max(1, (int)((long)accounts * perMille / 1000)));

    /// <summary>
    /// Chooses <paramref name="size"/> accounts by weighted sampling without replacement
    /// (Efraimidis and Spirakis): each account's key is ln(u) / score, with u in (0, 1) from
    /// SHA-256 of council, month and account; the highest keys are chosen. Order of input does not matter.
    /// </summary>
    public static IReadOnlyList<Guid> Choose(Guid councilId, DateOnly month, IEnumerable<(Guid AccountId, int Score)> accounts, int size)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return accounts
            .Where(a => a.Score > 0)
            .Select(a => (a.AccountId, Key: Math.Log(Uniform(councilId, month, a.AccountId)) / a.Score))
            .OrderByDescending(a => a.Key).ThenBy(a => a.AccountId)
            .Take(size)
            .Select(a => a.AccountId)
            .ToList();
    }

    /// <summary>A number in (0, 1) fixed by the council, the month and the account.</summary>
    public static double Uniform(Guid councilId, DateOnly month, Guid accountId)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{councilId:N}|{month:yyyy-MM}|{accountId:N}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var bits = BitConverter.ToUInt64(hash, 0) >> 11; // 53 bits
        return (bits + 0.5) / (1UL << 53);
    }
}
