using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.SetUp;

/// <summary>
/// Setting up a direct payment on one form (issue #3, item 7): how the money is paid, the referral to
/// the support service, whether the person will employ a personal assistant (which opens the employer
/// checklist), the sign-up visit and its checklist, and the first payment date. Ticking "Everything is
/// ready" also starts payments in the same submission, if the rules allow.
/// </summary>
[Authorize(Policy = Policies.ListArrangements)]
public sealed class IndexModel(DpDbContext db, JourneyActions journey, IAuthorizationService authorization) : PageModel
{
    public const string EmployerChecklistNote = "The employer checklist is completed with the personal assistant issue's pages";

    [FromRoute] public Guid ArrangementId { get; set; }

    [BindProperty] public PaymentMethod? PaymentMethod { get; set; }
    [BindProperty] public DateOnly? SupportReferralOn { get; set; }
    [BindProperty] public Guid? SupportOrganisationId { get; set; }
    [BindProperty] public bool? WillEmployPersonalAssistant { get; set; }
    [BindProperty] public DateOnly? PersonalAssistantStartsOn { get; set; }
    [BindProperty] public DateOnly? SignUpVisitOn { get; set; }
    [BindProperty] public List<string> ChecklistDone { get; set; } = [];
    [BindProperty] public DateOnly? FirstPaymentOn { get; set; }
    [BindProperty] public bool MakeActive { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public Arrangement Arrangement { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    public IReadOnlyList<(Guid Id, string Name)> SupportOrganisations { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool IsSettingUp => Arrangement.Stage == Stage.SetUp;

    public async Task<IActionResult> OnGetAsync()
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId);
        if (arrangement is null)
        {
            return NotFound();
        }
        await LoadAsync(arrangement);
        Fill(arrangement);
        db.RecordAudit("arrangement.viewed", nameof(Arrangement), arrangement.Id.ToString(), arrangement.PersonId, details: "Set-up");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId, tracking: true);
        if (arrangement is null)
        {
            return NotFound();
        }
        // Another council's or an unrelated record is 404 before the role is considered, as on every page.
        if (!(await authorization.AuthorizeAsync(User, Policies.SetUpArrangement)).Succeeded)
        {
            return Forbid();
        }
        await LoadAsync(arrangement);
        if (arrangement.Stage != Stage.SetUp)
        {
            ModelState.AddModelError(nameof(PaymentMethod), $"Set-up details can be recorded only while the direct payment is being set up. It is at {arrangement.Stage.Label().ToLowerInvariant()}");
            return Page();
        }
        if (arrangement.Version != Version)
        {
            ModelState.Clear();
            Fill(arrangement);
            ModelState.AddModelError(nameof(PaymentMethod), "Someone else changed this direct payment while you were editing. The answers below are now up to date: check them and save again");
            return Page();
        }
        var answers = new SetUpAnswers(PaymentMethod, SupportReferralOn, SupportOrganisationId, WillEmployPersonalAssistant,
            PersonalAssistantStartsOn, SignUpVisitOn, ChecklistDone, FirstPaymentOn);
        // The date binder has already reported dates that are not real, such as 31 2 2026.
        if (ModelState.IsValid)
        {
            foreach (var error in SetUpRules.Validate(answers, arrangement.FirstPaymentOn, journey.Today))
            {
                ModelState.AddModelError(error.Field, error.Message);
            }
            if (SupportOrganisationId is { } chosen && SupportOrganisations.All(o => o.Id != chosen))
            {
                ModelState.AddModelError(nameof(SupportOrganisationId), "Select a support organisation from the list");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        SetUpRules.Apply(arrangement, answers);
        await OpenAndCloseTasksAsync(arrangement);
        var who = Who.From(User);
        if (MakeActive)
        {
            if (await journey.MoveAsync(arrangement, new MoveRequest(Stage.Active, Mover.Council, null), who) is { } refusal)
            {
                ModelState.AddModelError(SetUpRules.FieldFor(refusal) ?? nameof(MakeActive), refusal.Message);
                return Page();
            }
        }
        db.Actor.Reason = MakeActive ? "Set-up finished: payments start" : "Set-up details recorded";
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(nameof(PaymentMethod), "Someone else changed this direct payment while you were editing. Reload the page and try again");
            return Page();
        }
        if (MakeActive)
        {
            TempData["Success"] = "The direct payment is active. The first review is due within 6 months of the first payment";
            return Redirect($"/arrangements/{arrangement.Id}");
        }
        TempData["Success"] = "Set-up details saved";
        return Redirect($"/arrangements/{arrangement.Id}/set-up");
    }

    /// <summary>
    /// Opens the employer checklist when the person will employ a personal assistant, and closes the
    /// referral and sign-up visit tasks once what they ask for is recorded.
    /// </summary>
    private async Task OpenAndCloseTasksAsync(Arrangement arrangement)
    {
        var tasks = await db.Tasks.Where(t => t.ArrangementId == arrangement.Id).ToListAsync();
        var who = Who.From(User);
        if (arrangement.WillEmployPersonalAssistant && !tasks.Any(t => t.Kind == TaskKind.EmployerChecklist))
        {
            await journey.AddTaskAsync(arrangement, TaskKind.EmployerChecklist, journey.Today.AddDays(TaskRules.SignUpVisitWithinDays), EmployerChecklistNote);
        }
        if (arrangement.SupportReferralOn is { } referred)
        {
            var organisation = SupportOrganisations.FirstOrDefault(o => o.Id == arrangement.SupportOrganisationId).Name;
            foreach (var task in tasks.Where(t => t.Kind == TaskKind.ReferToSupportService && t.IsOpen))
            {
                await journey.CompleteTaskAsync(arrangement, task, referred, organisation is null ? "Referred to the support service" : $"Referred to {organisation}", who);
            }
        }
        if (arrangement.SignUpVisitOn is { } visited && SignUpChecklist.IsComplete(arrangement.SignUpChecklistDone))
        {
            foreach (var task in tasks.Where(t => t.Kind == TaskKind.SignUpVisit && t.IsOpen))
            {
                await journey.CompleteTaskAsync(arrangement, task, visited, "Sign-up visit held; every checklist item done", who);
            }
        }
    }

    private void Fill(Arrangement arrangement)
    {
        PaymentMethod = arrangement.PaymentMethod;
        SupportReferralOn = arrangement.SupportReferralOn;
        SupportOrganisationId = arrangement.SupportOrganisationId;
        WillEmployPersonalAssistant = arrangement.Stage == Stage.SetUp && arrangement.PaymentMethod is null && !arrangement.WillEmployPersonalAssistant
            ? null : arrangement.WillEmployPersonalAssistant;
        PersonalAssistantStartsOn = arrangement.PersonalAssistantStartsOn;
        SignUpVisitOn = arrangement.SignUpVisitOn;
        ChecklistDone = [.. SignUpChecklist.Parse(arrangement.SignUpChecklistDone)];
        FirstPaymentOn = arrangement.FirstPaymentOn;
        Version = arrangement.Version;
    }

    private async Task LoadAsync(Arrangement arrangement)
    {
        Arrangement = arrangement;
        PersonName = await db.People.Where(p => p.Id == arrangement.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        var today = journey.Today;
        var contracts = await db.OrganisationContracts.AsNoTracking().ToListAsync();
        var inForce = contracts.Where(c => c.IsInForceOn(today)).Select(c => c.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => inForce.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync();
        SupportOrganisations = [.. organisations.Select(o => (o.Id, o.Name))];
        CanEdit = arrangement.Stage == Stage.SetUp && (await authorization.AuthorizeAsync(User, Policies.SetUpArrangement)).Succeeded;
    }
}
