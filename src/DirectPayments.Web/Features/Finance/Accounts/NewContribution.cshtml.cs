using System.Globalization;
using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Payments;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Finance.Payments;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Accounts;

/// <summary>A finance officer records a contribution the council collected for a gross direct payment (Person to Council).</summary>
[Authorize(Policy = Policies.ManageMoney)]
public sealed class NewContributionModel(DpDbContext db, MoneyActions money, Contributions contributions) : PageModel
{
    [FromRoute] public Guid AccountId { get; set; }

    [BindProperty] public string? Amount { get; set; }

    [BindProperty] public DateOnly? ReceivedOn { get; set; }

    [BindProperty] public ContributionMethod? Method { get; set; }

    public DpAccount Account { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    public bool IsGross { get; private set; }

    public Money PerPeriod { get; private set; }

    public string Example => money.Today.AddDays(-3).ToString("d M yyyy", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (!IsGross)
        {
            ModelState.AddModelError(nameof(Amount), $"{PersonName}'s direct payment is paid net, so their contribution is paid into their account, not to the council");
            return Page();
        }
        var amount = Money.TryParsePounds(Amount);
        if (string.IsNullOrWhiteSpace(Amount))
        {
            ModelState.AddModelError(nameof(Amount), "Enter the amount received");
        }
        else if (amount is null)
        {
            ModelState.AddModelError(nameof(Amount), "Enter an amount in pounds and pence, like 140.00");
        }
        else if (amount.Value.Pence <= 0)
        {
            ModelState.AddModelError(nameof(Amount), "The amount received must be more than £0.00");
        }
        // The date binder has already reported dates that are not real, such as 31 2 2026.
        var dateRejected = ModelState.Where(e => e.Key.StartsWith(nameof(ReceivedOn), StringComparison.Ordinal)).Any(e => e.Value is { Errors.Count: > 0 });
        if (!dateRejected)
        {
            if (ReceivedOn is not { } on)
            {
                ModelState.AddModelError(nameof(ReceivedOn), "Enter the date the contribution was received");
            }
            else if (on > money.Today)
            {
                ModelState.AddModelError(nameof(ReceivedOn), "The date received must be today or in the past");
            }
            else if (on < Account.OpenedOn.AddYears(-1))
            {
                ModelState.AddModelError(nameof(ReceivedOn), "The date received must be no more than a year before the account opened");
            }
        }
        if (Method is null || !Enum.IsDefined(Method.Value))
        {
            ModelState.AddModelError(nameof(Method), "Select how the contribution was paid");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await contributions.RecordAsync(Account, amount!.Value, ReceivedOn!.Value, Method!.Value);
        TempData["Success"] = $"{amount} received from {PersonName} recorded";
        return Redirect("/money/contributions");
    }

    private async Task<bool> LoadAsync()
    {
        var account = await money.FindVisibleAccountAsync(User, AccountId);
        if (account is null)
        {
            return false;
        }
        Account = account;
        PersonName = await db.People.AsNoTracking().Where(p => p.Id == account.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        var schedule = await db.PaymentSchedules.AsNoTracking().Where(s => s.AccountId == account.Id && s.StartsOn <= money.Today)
            .OrderByDescending(s => s.StartsOn).FirstOrDefaultAsync()
            ?? await db.PaymentSchedules.AsNoTracking().Where(s => s.AccountId == account.Id).OrderBy(s => s.StartsOn).FirstOrDefaultAsync();
        IsGross = schedule?.Basis == PaymentBasis.Gross;
        PerPeriod = schedule is null ? Money.Zero : PaymentRules.ContributionPerPeriod(schedule);
        return true;
    }
}
