using System.Globalization;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Finance.Payments;

/// <summary>Starts a payment run: the pay-on date, then a draft to check.</summary>
[Authorize(Policy = Policies.ManageMoney)]
public sealed class NewModel(PaymentRuns runs, MoneyActions money) : PageModel
{
    [BindProperty] public DateOnly? PayOn { get; set; }

    public string Example => money.Today.AddDays(7).ToString("d M yyyy", CultureInfo.InvariantCulture);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The date binder has already reported dates that are not real, such as 31 2 2026.
        if (ModelState.IsValid && PaymentRuns.CheckPayOn(PayOn, money.Today) is { } problem)
        {
            ModelState.AddModelError(nameof(PayOn), problem);
        }
        if (!ModelState.IsValid || PayOn is not { } payOn)
        {
            return Page();
        }
        var run = await runs.CreateDraftAsync(payOn, Who.From(User));
        return Redirect($"/money/payment-runs/{run.Id}");
    }
}
