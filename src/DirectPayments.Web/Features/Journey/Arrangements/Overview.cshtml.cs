using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Features.Journey.Shared;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Arrangements;

/// <summary>
/// One direct payment: where it is, what happens next (and, for staff, exactly what is missing before
/// the next step), its open tasks and its timeline. Every view is audited.
/// </summary>
[Authorize(Policy = Policies.ViewArrangement)]
public sealed class OverviewModel(DpDbContext db, JourneyActions journey) : PageModel
{
    public Arrangement Arrangement { get; private set; } = null!;

    public Person Person { get; private set; } = null!;

    public Progress Progress { get; private set; } = null!;

    public Stage? Next { get; private set; }

    /// <summary>Why the arrangement cannot move to the next step yet, for staff; null when it can.</summary>
    public Refusal? NextRefusal { get; private set; }

    public string? PractitionerName { get; private set; }

    public string? TeamName { get; private set; }

    public sealed record TaskRow(Guid Id, TaskKind Kind, DateOnly DueOn, DateOnly? BookedFor, string? Notes);

    public IReadOnlyList<TaskRow> OpenTasks { get; private set; } = [];

    public IReadOnlyList<ArrangementTransition> Timeline { get; private set; } = [];

    public sealed record ReviewRow(Guid Id, DateOnly HeldOn, bool IsFullReview);

    public IReadOnlyList<ReviewRow> Reviews { get; private set; } = [];

    public IReadOnlyList<(string Text, string Href)> StepLinks { get; private set; } = [];

    /// <summary>The direct payment's money account, for staff who may see its totals (issue #4).</summary>
    public Guid? MoneyAccountId { get; private set; }

    public IReadOnlyList<(Stage To, string Text)> OtherMoves { get; private set; } = [];

    public DateOnly Today => journey.Today;

    public bool IsStaff => User.AppRole() is { } role && role.IsStaff();

    public bool CanManage => Allowed(Policies.ManageJourney);

    public bool CanSetUp => Allowed(Policies.SetUpArrangement);

    public bool CanEnd => Allowed(Policies.EndArrangement) && Arrangement.Stage != Stage.Ended;

    /// <summary>Staff who may press "Move to the next step": practitioners and managers, and set-up staff for the last step of set-up.</summary>
    public bool CanMoveNext => Next is { } next && (CanManage || (CanSetUp && (Arrangement.Stage, next) == (Stage.SetUp, Stage.Active)));

    public async Task<IActionResult> OnGetAsync(Guid arrangementId)
    {
        var arrangement = await journey.FindVisibleAsync(User, arrangementId);
        if (arrangement is null)
        {
            return NotFound();
        }
        Arrangement = arrangement;
        Person = await db.People.AsNoTracking().SingleAsync(p => p.Id == arrangement.PersonId);
        Timeline = await db.ArrangementTransitions.AsNoTracking().Where(t => t.ArrangementId == arrangement.Id)
            .OrderByDescending(t => t.OccurredAt).ThenByDescending(t => t.Id).ToListAsync();
        var furthest = Progress.Furthest(Timeline.SelectMany(t => new[] { t.From, t.To }).Append(arrangement.Stage));
        Progress = Progress.For(arrangement.Stage, furthest);
        Next = JourneyRules.NextForward(arrangement.Stage);
        if (Next is { } next && IsStaff)
        {
            NextRefusal = JourneyRules.Check(arrangement.Stage, new MoveRequest(next, Mover.Council, null), await journey.FactsAsync(arrangement));
        }
        PractitionerName = arrangement.PractitionerId is { } practitioner
            ? await db.Users.Where(u => u.Id == practitioner).Select(u => u.DisplayName).SingleOrDefaultAsync()
            : null;
        TeamName = Person.TeamId is { } team ? await db.Teams.Where(t => t.Id == team).Select(t => t.Name).SingleOrDefaultAsync() : null;
        OpenTasks = await db.Tasks.AsNoTracking().Where(t => t.ArrangementId == arrangement.Id && t.CompletedOn == null)
            .OrderBy(t => t.DueOn).Select(t => new TaskRow(t.Id, t.Kind, t.DueOn, t.BookedFor, t.Notes)).ToListAsync();
        Reviews = await db.Reviews.AsNoTracking().Where(r => r.ArrangementId == arrangement.Id)
            .OrderByDescending(r => r.HeldOn).Select(r => new ReviewRow(r.Id, r.HeldOn, r.IsFullReview)).ToListAsync();
        StepLinks = Links(arrangement.Id, furthest);
        if (Policies.RolePolicies[Policies.ViewAccount].Contains(User.AppRole() ?? Role.CouncilAdmin) && User.AppRole() != Role.Person)
        {
            MoneyAccountId = await db.DpAccounts.AsNoTracking().Where(d => d.ArrangementId == arrangement.Id)
                .OrderBy(d => d.ClosedOn != null).ThenByDescending(d => d.OpenedOn).Select(d => (Guid?)d.Id).FirstOrDefaultAsync();
        }
        if (CanManage)
        {
            OtherMoves = [.. JourneyRules.Targets(arrangement.Stage)
                .Where(to => to != Next && to != Stage.Ended)
                .Select(to => (to, MoveText(arrangement.Stage, to)))];
        }
        db.RecordAudit("arrangement.viewed", nameof(Domain.Journey.Arrangement), arrangement.Id.ToString(), arrangement.PersonId);
        await db.SaveChangesAsync();
        return Page();
    }

    /// <summary>The words on a move other than the usual next step.</summary>
    public static string MoveText(Stage from, Stage to) => (from, to) switch
    {
        (_, Stage.Suspended) => "Pause the direct payment",
        (Stage.Suspended, Stage.Active) => "Restart the direct payment",
        (_, Stage.Ended) => "End the direct payment",
        _ => $"Go back to {to.Label().ToLowerInvariant()}",
    };

    private List<(string Text, string Href)> Links(Guid id, Stage furthest)
    {
        var links = new List<(string Text, string Href)>();
        var staff = IsStaff;
        void Add(Stage step, string text, string path, bool forPerson)
        {
            if (Progress.HasReached(furthest, step) && (staff || forPerson))
            {
                links.Add((text, $"/arrangements/{id}/{path}"));
            }
        }
        Add(Stage.Assessment, "Assessment outcome", "assessment", forPerson: false);
        Add(Stage.Planning, "Support plan", "plan", forPerson: true);
        Add(Stage.Suitability, "Suitability decision", "suitability", forPerson: true);
        Add(Stage.FundingDecision, "Funding decision", "funding", forPerson: false);
        Add(Stage.Agreement, "Agreement", "agreement", forPerson: true);
        Add(Stage.SetUp, "Setting up", "set-up", forPerson: false);
        return links;
    }

    private bool Allowed(string policy) => User.AppRole() is { } role && Policies.RolePolicies[policy].Contains(role);
}
