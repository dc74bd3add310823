using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Monitoring;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Monitoring.Pages;

/// <summary>The council's monitoring thresholds and oversight weights: a change is a new version with a reason (issue #4, items 5 and 7).</summary>
[Authorize(Policy = Policies.EditMonitoringSettings)]
public sealed class SettingsModel(DpDbContext db, MoneyActions money) : PageModel
{
    [BindProperty] public string? Reason { get; set; }

    public MonitoringSettings Current { get; private set; } = null!;

    public IReadOnlyList<MonitoringSettings> History { get; private set; } = [];

    public string Shown(SettingField field) =>
        Request.HasFormContentType && Request.Form.TryGetValue(field.Name, out var typed) ? typed.ToString() : MonitoringSettingsRules.Show(field, Current);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var (next, problems) = MonitoringSettingsRules.Parse(Current, name => Request.Form.TryGetValue(name, out var v) ? v.ToString() : null, Reason);
        foreach (var p in problems)
        {
            ModelState.AddModelError(p.Field, p.Message);
        }
        if (next is null)
        {
            return Page();
        }
        var latest = await db.MonitoringSettings.AsNoTracking().MaxAsync(s => (int?)s.Version) ?? 0;
        next.Id = money.NewId();
        next.Version = latest + 1;
        next.EffectiveFrom = money.Today;
        next.ChangedByName = Who.From(User).Name;
        next.Reason = Reason!.Trim();
        next.ChangedAt = money.Now;
        db.MonitoringSettings.Add(next);
        await db.SaveChangesAsync();
        TempData["Success"] = $"Monitoring settings version {next.Version} saved. Tonight's monitoring uses them";
        return Redirect("/money/monitoring-settings");
    }

    private async Task LoadAsync()
    {
        Current = await MonitoringSettingsQuery.CurrentAsync(db, money.Today);
        History = await db.MonitoringSettings.AsNoTracking().OrderByDescending(s => s.Version).Take(50).ToListAsync();
    }
}
