using System.Globalization;

namespace DirectPayments.Domain.Finance.Monitoring;

/// <summary>One setting a council may change, with its limits and how to read and write it.</summary>
public sealed record SettingField(string Name, string Label, string Hint, long Min, long Max, bool IsMoney,
    Func<MonitoringSettings, long> Get, Action<MonitoringSettings, long> Set);

/// <summary>
/// The monitoring and oversight settings a council may change, each with clear limits (issue #4,
/// items 5 and 7). A change is a new version with a reason; old versions are kept.
/// </summary>
public static class MonitoringSettingsRules
{
    public static readonly IReadOnlyList<SettingField> Fields =
    [
        new("ContingencyWeeks", "Contingency, in weeks of planned spend", "A balance above this many weeks of the weekly budget starts a conversation. Between 1 and 52.", 1, 52, false, s => s.ContingencyWeeks, (s, v) => s.ContingencyWeeks = (int)v),
        new("NoSpendingDays", "Days with no spending after the first payment", "Between 7 and 365.", 7, 365, false, s => s.NoSpendingDays, (s, v) => s.NoSpendingDays = (int)v),
        new("ContributionPeriodsMissed", "Contribution periods unpaid", "How many payment periods of contributions may be unpaid before a conversation. Between 1 and 12.", 1, 12, false, s => s.ContributionPeriodsMissed, (s, v) => s.ContributionPeriodsMissed = (int)v),
        new("OutsidePlanPence", "Spending outside the plan in 12 weeks", "Between £1.00 and £100,000.00.", 100, 10_000_000, true, s => s.OutsidePlanPence, (s, v) => s.OutsidePlanPence = v),
        new("DuplicateMinimumPence", "Smallest possible duplicate payment", "Two payments of at least this much to one payee. Between £1.00 and £100,000.00.", 100, 10_000_000, true, s => s.DuplicateMinimumPence, (s, v) => s.DuplicateMinimumPence = v),
        new("DuplicateWithinDays", "Days apart for a possible duplicate", "Between 1 and 31.", 1, 31, false, s => s.DuplicateWithinDays, (s, v) => s.DuplicateWithinDays = (int)v),
        new("AuditSamplePerMille", "Monthly audit sample, per thousand accounts", "20 means 2% of accounts each month. Between 1 and 1000.", 1, 1000, false, s => s.AuditSamplePerMille, (s, v) => s.AuditSamplePerMille = (int)v),
        new("OversightBasePoints", "Oversight: starting points", "Between 1 and 100.", 1, 100, false, s => s.OversightBasePoints, (s, v) => s.OversightBasePoints = (int)v),
        new("NewArrangementPoints", "Oversight: new arrangement (first 6 months)", "Between 0 and 100.", 0, 100, false, s => s.NewArrangementPoints, (s, v) => s.NewArrangementPoints = (int)v),
        new("NoActionFlagPoints", "Oversight: each conversation needing no action", "Usually negative. Between -50 and 0.", -50, 0, false, s => s.NoActionFlagPoints, (s, v) => s.NoActionFlagPoints = (int)v),
        new("ConcernFlagPoints", "Oversight: each agreed reclaim, repayment plan or safeguarding referral", "Between 0 and 100.", 0, 100, false, s => s.ConcernFlagPoints, (s, v) => s.ConcernFlagPoints = (int)v),
        new("EmploysPersonalAssistantPoints", "Oversight: employs personal assistants", "Between 0 and 100.", 0, 100, false, s => s.EmploysPersonalAssistantPoints, (s, v) => s.EmploysPersonalAssistantPoints = (int)v),
        new("OwnBankAccountPoints", "Oversight: own bank account", "Between 0 and 100.", 0, 100, false, s => s.OwnBankAccountPoints, (s, v) => s.OwnBankAccountPoints = (int)v),
        new("MediumBudgetWeeklyPence", "Oversight: medium budget from (weekly)", "Between £1.00 and £100,000.00.", 100, 10_000_000, true, s => s.MediumBudgetWeeklyPence, (s, v) => s.MediumBudgetWeeklyPence = v),
        new("MediumBudgetPoints", "Oversight: medium budget points", "Between 0 and 100.", 0, 100, false, s => s.MediumBudgetPoints, (s, v) => s.MediumBudgetPoints = (int)v),
        new("LargeBudgetWeeklyPence", "Oversight: large budget from (weekly)", "Between £1.00 and £100,000.00, and more than the medium band.", 100, 10_000_000, true, s => s.LargeBudgetWeeklyPence, (s, v) => s.LargeBudgetWeeklyPence = v),
        new("LargeBudgetPoints", "Oversight: large budget points", "Between 0 and 100.", 0, 100, false, s => s.LargeBudgetPoints, (s, v) => s.LargeBudgetPoints = (int)v),
        new("StandardFromScore", "Oversight: Standard from score", "Between 1 and 500.", 1, 500, false, s => s.StandardFromScore, (s, v) => s.StandardFromScore = (int)v),
        new("EnhancedFromScore", "Oversight: Enhanced from score", "Between 1 and 500, and more than the Standard score.", 1, 500, false, s => s.EnhancedFromScore, (s, v) => s.EnhancedFromScore = (int)v),
    ];

    /// <summary>The value as a form shows it: pounds for money, a whole number otherwise.</summary>
    public static string Show(SettingField field, MonitoringSettings settings)
    {
        ArgumentNullException.ThrowIfNull(field);
        var value = field.Get(settings);
        return field.IsMoney ? new Money(value).ToInputString() : value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads a new version from what was typed, on top of <paramref name="current"/>; gives the
    /// problems (field, message) and no settings when anything is wrong.
    /// </summary>
    public static (MonitoringSettings? Settings, IReadOnlyList<FieldProblem> Problems) Parse(
        MonitoringSettings current, Func<string, string?> typed, string? reason)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(typed);
        var next = new MonitoringSettings { CouncilId = current.CouncilId, Version = current.Version + 1, ChangedByName = "", Reason = "" };
        foreach (var f in Fields)
        {
            f.Set(next, f.Get(current));
        }
        var problems = new List<FieldProblem>();
        foreach (var f in Fields)
        {
            var text = typed(f.Name)?.Trim();
            long? value = f.IsMoney ? Money.TryParsePounds(text)?.Pence
                : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
            var limits = f.IsMoney ? $"between {new Money(f.Min)} and {new Money(f.Max)}" : string.Create(CultureInfo.InvariantCulture, $"between {f.Min} and {f.Max}");
            if (value is not { } v)
            {
                problems.Add(new(f.Name, $"Enter {f.Label.ToLowerInvariant()} as {(f.IsMoney ? "an amount" : "a whole number")} {limits}"));
            }
            else if (v < f.Min || v > f.Max)
            {
                problems.Add(new(f.Name, $"{f.Label} must be {limits}"));
            }
            else
            {
                f.Set(next, v);
            }
        }
        if (problems.Count == 0 && next.LargeBudgetWeeklyPence <= next.MediumBudgetWeeklyPence)
        {
            problems.Add(new("LargeBudgetWeeklyPence", "The large budget band must start above the medium band"));
        }
        if (problems.Count == 0 && next.EnhancedFromScore <= next.StandardFromScore)
        {
            problems.Add(new("EnhancedFromScore", "The Enhanced score must be more than the Standard score"));
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(new("Reason", "Enter why the settings are changing"));
        }
        else if (reason.Length > 2000)
        {
            problems.Add(new("Reason", "The reason must be 2,000 characters or fewer"));
        }
        return problems.Count == 0 ? (next, problems) : (null, problems);
    }
}
