using System.ComponentModel.DataAnnotations;
using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Journey.Decisions;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.AllocationTool;

/// <summary>
/// The council's resource allocation tool (RULES.md section 9.2): an indicative weekly amount for
/// each age band and need level. A change makes a new version from a date; an old version is never
/// edited, so every indicative budget can be explained by the version it came from.
/// </summary>
[Authorize(Policy = Policies.EditAllocationTool)]
public sealed class IndexModel(DpDbContext db, JourneyActions journey) : PageModel
{
    /// <summary>The table's cells in the order the form shows them: each age band, then each need level.</summary>
    public static readonly IReadOnlyList<(AgeBand Band, NeedLevel Level)> Cells =
        [.. Enum.GetValues<AgeBand>().SelectMany(band => Enum.GetValues<NeedLevel>().Select(level => (band, level)))];

    /// <summary>The weekly amounts typed, in pounds, one for each of <see cref="Cells"/>.</summary>
    [BindProperty] public List<string?> Amounts { get; set; } = [];
    [BindProperty, Display(Name = "The date this version takes effect")] public DateOnly? EffectiveFrom { get; set; }
    [BindProperty] public string? Notes { get; set; }

    /// <summary>Every version, newest first.</summary>
    public IReadOnlyList<AllocationToolVersion> Versions { get; private set; } = [];

    public AllocationToolVersion? Current => Versions.Count > 0 ? Versions[0] : null;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Amounts = [.. Cells.Select(c => Current?.Indicative(c.Band, c.Level)?.ToInputString())];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        while (Amounts.Count < Cells.Count)
        {
            Amounts.Add(null);
        }
        // The date binder has already reported dates that are not real, such as 31 2 2026.
        var dateBound = ModelState.IsValid;
        var rates = new List<AllocationRate>();
        for (var i = 0; i < Cells.Count; i++)
        {
            var (band, level) = Cells[i];
            var what = $"{band.Label().ToLowerInvariant()} with {level.Label().ToLowerInvariant()} needs";
            var amount = Money.TryParsePounds(Amounts[i]);
            if (amount is null)
            {
                ModelState.AddModelError($"{nameof(Amounts)}[{i}]", $"Enter the weekly amount for {what} in pounds and pence, like 250.00");
            }
            else if (amount.Value.Pence <= 0)
            {
                ModelState.AddModelError($"{nameof(Amounts)}[{i}]", $"The weekly amount for {what} must be more than £0.00");
            }
            else
            {
                rates.Add(new AllocationRate { Id = journey.NewId(), AgeBand = band, NeedLevel = level, WeeklyPence = amount.Value.Pence });
            }
        }
        if (dateBound && EffectiveFrom is null)
        {
            ModelState.AddModelError(nameof(EffectiveFrom), "Enter the date this version takes effect");
        }
        else if (EffectiveFrom is { } from && Current is { } current && from < current.EffectiveFrom)
        {
            ModelState.AddModelError(nameof(EffectiveFrom), $"The date this version takes effect must be on or after {current.EffectiveFrom.LongDate()}, when version {current.Version} took effect");
        }
        if (Notes is { Length: > 2000 })
        {
            ModelState.AddModelError(nameof(Notes), "Notes must be 2,000 characters or fewer");
        }
        if (!ModelState.IsValid || EffectiveFrom is not { } effective)
        {
            return Page();
        }
        var version = new AllocationToolVersion
        {
            Id = journey.NewId(),
            Version = (Current?.Version ?? 0) + 1,
            EffectiveFrom = effective,
            CreatedAt = journey.Now,
            CreatedByName = Who.From(User).Name,
            Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
            Rates = rates,
        };
        foreach (var rate in rates)
        {
            rate.VersionId = version.Id;
        }
        db.AllocationToolVersions.Add(version);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The unique (council, version) index: someone else saved a version at the same moment.
            ModelState.AddModelError(nameof(EffectiveFrom), "Someone else saved a new version at the same time. Reload the page, check their amounts, and save again");
            return Page();
        }
        TempData["Success"] = $"Version {version.Version} of the allocation tool saved. It takes effect on {effective.LongDate()}";
        return Redirect("/admin/allocation-tool");
    }

    private async Task LoadAsync() =>
        Versions = await db.AllocationToolVersions.AsNoTracking().Include(v => v.Rates).OrderByDescending(v => v.Version).ToListAsync();
}
