using DirectPayments.Data;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Policy = DirectPayments.Domain.Finance.SpendingPolicy;

namespace DirectPayments.Web.Features.Finance.Spending;

/// <summary>Changes the council's spending policy text. Every change is audited.</summary>
[Authorize(Policy = Policies.EditMonitoringSettings)]
public sealed class EditModel(DpDbContext db, MoneyActions money) : PageModel
{
    public const int MaxLength = 10_000;

    [BindProperty] public string? Text { get; set; }

    [BindProperty] public Guid? Version { get; set; }

    public async Task OnGetAsync()
    {
        var policy = await db.SpendingPolicies.AsNoTracking().SingleOrDefaultAsync();
        (Text, Version) = (policy?.Text ?? Policy.DefaultText, policy?.Version);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var text = Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError(nameof(Text), "Enter the spending policy. To go back to the standard wording, copy it from the help below");
        }
        else if (text.Length > MaxLength)
        {
            ModelState.AddModelError(nameof(Text), "The spending policy must be 10,000 characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var policy = await db.SpendingPolicies.SingleOrDefaultAsync();
        var who = Who.From(User).Name;
        if (policy is null)
        {
            db.SpendingPolicies.Add(new Policy { Id = money.NewId(), Text = text!, UpdatedAt = money.Now, UpdatedByName = who, Version = Guid.NewGuid() });
        }
        else if (policy.Version != Version)
        {
            ModelState.AddModelError(nameof(Text), "Someone else changed the spending policy while you were editing it. Copy your words, reload the page and try again");
            return Page();
        }
        else
        {
            (policy.Text, policy.UpdatedAt, policy.UpdatedByName, policy.Version) = (text!, money.Now, who, Guid.NewGuid());
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(nameof(Text), "Someone else changed the spending policy while you were editing it. Copy your words, reload the page and try again");
            return Page();
        }
        TempData["Success"] = "The spending policy has been changed";
        return Redirect("/money/spending-policy");
    }
}
