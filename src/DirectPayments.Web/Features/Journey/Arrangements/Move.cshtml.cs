using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.Arrangements;

/// <summary>
/// Moves a direct payment to another step through the state machine: forward when the facts allow,
/// or back, paused or restarted with a reason. A refusal says exactly what is missing and changes nothing.
/// </summary>
[Authorize(Policy = Policies.SetUpArrangement)]
public sealed class MoveModel(DpDbContext db, JourneyActions journey) : PageModel
{
    [FromRoute] public Guid ArrangementId { get; set; }

    [BindProperty(SupportsGet = true)] public Stage? To { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public Guid Version { get; set; }

    public Arrangement Arrangement { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    /// <summary>The moves this user may make from here (ending has its own page).</summary>
    public IReadOnlyList<Stage> Targets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync(tracking: false))
        {
            return NotFound();
        }
        Version = Arrangement.Version;
        if (To is { } to && !Targets.Contains(to))
        {
            To = null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync(tracking: true))
        {
            return NotFound();
        }
        if (To is not { } to)
        {
            ModelState.Remove(nameof(To));
            ModelState.AddModelError(nameof(To), "Select where the direct payment should move to");
            return Page();
        }
        if (to == Stage.Ended)
        {
            return Redirect($"/arrangements/{Arrangement.Id}/end");
        }
        if (!MayMove(Arrangement.Stage, to))
        {
            return Forbid();
        }
        if (Arrangement.Version != Version)
        {
            ModelState.AddModelError(nameof(To), "Someone else changed this direct payment while you were looking at it. Check the page, which is now up to date, and try again");
            Version = Arrangement.Version;
            return Page();
        }
        var from = Arrangement.Stage;
        var refusal = await journey.MoveAsync(Arrangement, new MoveRequest(to, Mover.Council, Reason), Who.From(User));
        if (refusal is not null)
        {
            ModelState.AddModelError(refusal.Code is "reason-required" or "reason-too-long" ? nameof(Reason) : nameof(To), refusal.Message);
            return Page();
        }
        db.Actor.Reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(nameof(To), "Someone else changed this direct payment while you were looking at it. Go back to the direct payment and try again");
            return Page();
        }
        TempData["Success"] = $"Moved from {from.Label().ToLowerInvariant()} to {to.Label().ToLowerInvariant()}";
        return Redirect($"/arrangements/{Arrangement.Id}");
    }

    public static string OptionText(Stage from, Stage to) =>
        JourneyRules.NextForward(from) == to ? $"Move on to {to.Label().ToLowerInvariant()}" : OverviewModel.MoveText(from, to);

    private async Task<bool> LoadAsync(bool tracking)
    {
        var arrangement = await journey.FindVisibleAsync(User, ArrangementId, tracking);
        if (arrangement is null)
        {
            return false;
        }
        Arrangement = arrangement;
        PersonName = await db.People.Where(p => p.Id == arrangement.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        Targets = [.. JourneyRules.Targets(arrangement.Stage).Where(t => t != Stage.Ended && MayMove(arrangement.Stage, t))];
        return true;
    }

    /// <summary>Practitioners and managers run the journey; set-up staff may also start payments once set-up is complete.</summary>
    private bool MayMove(Stage from, Stage to)
    {
        var role = User.AppRole();
        return role is { } r && (Policies.RolePolicies[Policies.ManageJourney].Contains(r)
            || ((from, to) == (Stage.SetUp, Stage.Active) && Policies.RolePolicies[Policies.SetUpArrangement].Contains(r)));
    }
}
