namespace DirectPayments.Domain.Platform;

/// <summary>The roles people have on the platform (DESIGN.md section 1). Public is anyone signed out and has no account.</summary>
public enum Role
{
    Person,
    PersonalAssistant,
    Practitioner,
    SupportWorker,
    FinanceOfficer,
    Manager,
    Commissioner,
    Trainer,
    CouncilAdmin,
}

public static class RoleExtensions
{
    /// <summary>Every role, in the order pages list them.</summary>
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    /// <summary>A label a person reads, in sentence case.</summary>
    public static string Label(this Role role) => role switch
    {
        Role.Person => "Person receiving a direct payment (or their representative)",
        Role.PersonalAssistant => "Personal assistant",
        Role.Practitioner => "Practitioner",
        Role.SupportWorker => "Support worker",
        Role.FinanceOfficer => "Finance officer",
        Role.Manager => "Team manager",
        Role.Commissioner => "Commissioner",
        Role.Trainer => "Trainer",
        Role.CouncilAdmin => "Council administrator",
    };

    /// <summary>Staff roles must use a one-time code from an authenticator app when they sign in.</summary>
    public static bool IsStaff(this Role role) => role switch
    {
        Role.Person or Role.PersonalAssistant => false,
        Role.Practitioner or Role.SupportWorker or Role.FinanceOfficer or Role.Manager
            or Role.Commissioner or Role.Trainer or Role.CouncilAdmin => true,
    };

    /// <summary>Staff who may open any person's record in their council (a Practitioner sees their team's caseload only).</summary>
    public static bool SeesWholeCouncilCaseload(this Role role) => role switch
    {
        Role.SupportWorker or Role.FinanceOfficer or Role.Manager or Role.CouncilAdmin => true,
        Role.Person or Role.PersonalAssistant or Role.Practitioner or Role.Commissioner or Role.Trainer => false,
    };

    /// <summary>Parses a role name as written in configuration, the CLI or an invitation ("Practitioner", "council-admin").</summary>
    public static bool TryParse(string? text, out Role role)
    {
        role = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var compact = text.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return Enum.TryParse(compact, ignoreCase: true, out role) && Enum.IsDefined(role);
    }
}
