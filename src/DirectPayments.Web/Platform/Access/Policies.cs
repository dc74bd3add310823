using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace DirectPayments.Web.Platform.Access;

/// <summary>
/// Who may use which pages, by role (DESIGN.md section 1). Relationship rules, such as a
/// practitioner seeing only their team's caseload, sit in <see cref="PersonAccessRules"/> and answer
/// 404 for a record the user is not connected to. docs/security.md has the whole matrix.
/// </summary>
public static class Policies
{
    /// <summary>Signed in, with a council chosen.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>May open a person's record: the person (or representative) and caseload staff.</summary>
    public const string OpenPersonRecord = nameof(OpenPersonRecord);

    /// <summary>May list people in the council (a practitioner sees their team only).</summary>
    public const string ListPeople = nameof(ListPeople);

    /// <summary>May change a person's contact details.</summary>
    public const string EditPersonContact = nameof(EditPersonContact);

    /// <summary>May see who has looked at a person's record.</summary>
    public const string SeeRecordViews = nameof(SeeRecordViews);

    public const string CouncilAdmin = nameof(CouncilAdmin);

    /// <summary>May see an arrangement, its timeline, plan, decisions and agreement: the person and caseload staff.</summary>
    public const string ViewArrangement = nameof(ViewArrangement);

    /// <summary>May see the caseload of arrangements and the task lists.</summary>
    public const string ListArrangements = nameof(ListArrangements);

    /// <summary>May run the journey: start enquiries, record assessment outcomes, write plans, decide suitability, move stages, review.</summary>
    public const string ManageJourney = nameof(ManageJourney);

    /// <summary>May set up a direct payment and complete visit tasks: practitioners, support workers and managers.</summary>
    public const string SetUpArrangement = nameof(SetUpArrangement);

    /// <summary>May decide a personal budget (a manager or funding panel).</summary>
    public const string DecideFunding = nameof(DecideFunding);

    /// <summary>May sign an agreement for the council.</summary>
    public const string SignForCouncil = nameof(SignForCouncil);

    /// <summary>May end a direct payment: the person at any time, or the council.</summary>
    public const string EndArrangement = nameof(EndArrangement);

    /// <summary>May change the council's resource allocation tool.</summary>
    public const string EditAllocationTool = nameof(EditAllocationTool);

    /// <summary>Signed in as a person (or their representative).</summary>
    public const string PersonOnly = nameof(PersonOnly);

    /// <summary>See a direct payment account's balance, category summary and flags (issue #4).</summary>
    public const string ViewAccount = nameof(ViewAccount);

    /// <summary>Open an account's line-by-line transactions, with a recorded reason (issue #4, item 9).</summary>
    public const string ViewTransactions = nameof(ViewTransactions);

    /// <summary>Import statements, keep column maps and make payment runs: the council's finance team.</summary>
    public const string ManageMoney = nameof(ManageMoney);

    /// <summary>Hold supportive conversations, record their outcomes and edit category rules.</summary>
    public const string SupportConversations = nameof(SupportConversations);

    /// <summary>Record a reclaim: only with the person's agreement or a formal decision with reasons.</summary>
    public const string RecordReclaim = nameof(RecordReclaim);

    /// <summary>Change the monitoring thresholds and the oversight scoring.</summary>
    public const string EditMonitoringSettings = nameof(EditMonitoringSettings);

    /// <summary>Add, change and delete the spending category rules: support workers and the finance team (others read them).</summary>
    public const string EditCategoryRules = nameof(EditCategoryRules);

    public const string ApiMoneyRead = nameof(ApiMoneyRead);

    public const string ApiMoneyWrite = nameof(ApiMoneyWrite);

    public const string ApiStatementsPush = nameof(ApiStatementsPush);

    /// <summary>API calls with an API key.</summary>
    public const string ApiPeopleRead = nameof(ApiPeopleRead);

    public const string ApiPeopleWrite = nameof(ApiPeopleWrite);

    public const string ApiJourneyRead = nameof(ApiJourneyRead);

    public const string ApiJourneyWrite = nameof(ApiJourneyWrite);

    public static readonly IReadOnlyDictionary<string, Role[]> RolePolicies = new Dictionary<string, Role[]>
    {
        [OpenPersonRecord] = [Role.Person, Role.Practitioner, Role.SupportWorker, Role.FinanceOfficer, Role.Manager, Role.CouncilAdmin],
        [ListPeople] = [Role.Practitioner, Role.SupportWorker, Role.FinanceOfficer, Role.Manager, Role.CouncilAdmin],
        [EditPersonContact] = [Role.Person, Role.Practitioner, Role.SupportWorker, Role.Manager, Role.CouncilAdmin],
        [SeeRecordViews] = [Role.Person, Role.Manager, Role.CouncilAdmin],
        [CouncilAdmin] = [Role.CouncilAdmin],
        [ViewArrangement] = [Role.Person, Role.Practitioner, Role.SupportWorker, Role.FinanceOfficer, Role.Manager, Role.CouncilAdmin],
        [ListArrangements] = [Role.Practitioner, Role.SupportWorker, Role.FinanceOfficer, Role.Manager, Role.CouncilAdmin],
        [ManageJourney] = [Role.Practitioner, Role.Manager],
        [SetUpArrangement] = [Role.Practitioner, Role.SupportWorker, Role.Manager],
        [DecideFunding] = [Role.Manager],
        [SignForCouncil] = [Role.Practitioner, Role.Manager],
        [EndArrangement] = [Role.Person, Role.Practitioner, Role.Manager],
        [EditAllocationTool] = [Role.CouncilAdmin, Role.Manager],
        [PersonOnly] = [Role.Person],
        [ViewAccount] = [Role.Person, Role.Practitioner, Role.SupportWorker, Role.FinanceOfficer, Role.Manager],
        [ViewTransactions] = [Role.Person, Role.SupportWorker, Role.FinanceOfficer, Role.Manager],
        [ManageMoney] = [Role.FinanceOfficer],
        [SupportConversations] = [Role.SupportWorker, Role.FinanceOfficer, Role.Practitioner, Role.Manager],
        [RecordReclaim] = [Role.FinanceOfficer, Role.Manager],
        [EditMonitoringSettings] = [Role.FinanceOfficer, Role.Manager],
        [EditCategoryRules] = [Role.SupportWorker, Role.FinanceOfficer],
    };

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().RequireClaim(AppClaims.Council));
        foreach (var (name, roles) in RolePolicies)
        {
            var names = roles.Select(r => r.ToString()).ToArray();
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireClaim(AppClaims.Council).RequireClaim(AppClaims.Role, names));
        }
        options.AddPolicy(ApiPeopleRead, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthentication.ScopeClaim, ApiScopes.PeopleRead));
        options.AddPolicy(ApiPeopleWrite, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthentication.ScopeClaim, ApiScopes.PeopleWrite));
        options.AddPolicy(ApiJourneyRead, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthentication.ScopeClaim, ApiScopes.JourneyRead));
        options.AddPolicy(ApiMoneyRead, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthentication.ScopeClaim, ApiScopes.MoneyRead));
        options.AddPolicy(ApiMoneyWrite, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthentication.ScopeClaim, ApiScopes.MoneyWrite));
        options.AddPolicy(ApiStatementsPush, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthentication.ScopeClaim, ApiScopes.StatementsPush));
        options.AddPolicy(ApiJourneyWrite, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthentication.ScopeClaim, ApiScopes.JourneyWrite));
    }
}
