using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Monitoring;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Monitoring.Pages;

/// <summary>
/// Records money returned to the council (issue #4, item 6): only with the person's recorded
/// agreement or a formal decision with reasons, notice and a route to challenge (RULES.md section 6).
/// </summary>
[Authorize(Policy = Policies.RecordReclaim)]
public sealed class NewReclaimModel(DpDbContext db, MoneyActions money, ReclaimActions reclaims) : PageModel
{
    [FromRoute] public Guid AccountId { get; set; }

    [BindProperty(SupportsGet = true)] public Guid? FlagId { get; set; }

    [BindProperty] public string? Amount { get; set; }

    [BindProperty] public ReclaimBasis? Basis { get; set; }

    [BindProperty] public string? AgreementDetails { get; set; }

    [BindProperty] public DateOnly? AgreedOn { get; set; }

    [BindProperty] public string? DecisionReasons { get; set; }

    [BindProperty] public DateOnly? NoticeGivenOn { get; set; }

    [BindProperty] public string? ChallengeRoute { get; set; }

    [BindProperty] public int Instalments { get; set; } = 1;

    public DpAccount Account { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    public Money Balance { get; private set; }

    public MoneyFlag? Flag { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var amount = Money.TryParsePounds(Amount);
        var request = new ReclaimRequest(amount?.Pence ?? (string.IsNullOrWhiteSpace(Amount) ? null : -1), Basis, AgreementDetails, AgreedOn,
            DecisionReasons, NoticeGivenOn, ChallengeRoute, Instalments);
        var (reclaim, problems) = await reclaims.RecordAsync(Account, Flag?.Id, request, Who.From(User));
        foreach (var problem in problems.Where(p => ModelState.GetFieldValidationState(p.Field) != ModelValidationState.Invalid))
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }
        if (reclaim is null || !ModelState.IsValid)
        {
            return Page();
        }
        TempData["Success"] = $"{new Money(reclaim.AmountPence)} recorded as returned to the council";
        return Redirect($"/accounts/{Account.Id}/oversight");
    }

    private async Task<bool> LoadAsync()
    {
        if (await money.FindVisibleAccountAsync(User, AccountId) is not { } account)
        {
            return false;
        }
        Account = account;
        Flag = FlagId is { } id ? await db.MoneyFlags.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.AccountId == account.Id) : null;
        PersonName = await db.People.Where(p => p.Id == account.PersonId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
        Balance = (await money.BalancesAsync(account.Id))[LedgerBook.Wallet];
        return true;
    }
}
