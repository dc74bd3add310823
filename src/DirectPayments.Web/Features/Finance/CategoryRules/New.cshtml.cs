using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Finance.CategoryRules;

/// <summary>Adds a written category rule.</summary>
[Authorize(Policy = Policies.EditCategoryRules)]
public sealed class NewModel(DpDbContext db, MoneyActions money) : PageModel
{
    [BindProperty] public string? Contains { get; set; }

    [BindProperty] public CostCategory? Category { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var text = await RuleForm.ValidateAsync(db, ModelState, Contains, Category, null);
        if (text is null)
        {
            return Page();
        }
        db.CategoryRules.Add(new CategoryRule
        {
            Id = money.NewId(),
            Contains = text,
            Category = Category!.Value,
            Learned = false,
            CreatedAt = money.Now,
            CreatedByName = Who.From(User).Name,
        });
        await db.SaveChangesAsync();
        TempData["Success"] = $"Payments containing \"{text}\" will be sorted as {Category.Value.Label()}";
        return Redirect("/money/category-rules");
    }
}
