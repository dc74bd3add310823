using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Identity;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.CategoryRules;

/// <summary>
/// Changes or deletes a rule. A learned rule that someone changes becomes a written one. Anyone who
/// may read the rules is told 404 for a rule that is not there before 403 for not being an editor.
/// </summary>
[Authorize(Policy = Policies.SupportConversations)]
public sealed class EditModel(DpDbContext db) : PageModel
{
    [FromRoute] public Guid RuleId { get; set; }

    [BindProperty] public string? Contains { get; set; }

    [BindProperty] public CostCategory? Category { get; set; }

    public CategoryRule Rule { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        (Contains, Category) = (Rule.Contains, Rule.Category);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        var text = await RuleForm.ValidateAsync(db, ModelState, Contains, Category, Rule.Id);
        if (text is null)
        {
            return Page();
        }
        (Rule.Contains, Rule.Category, Rule.Learned, Rule.CreatedByName) = (text, Category!.Value, false, Who.From(User).Name);
        await db.SaveChangesAsync();
        TempData["Success"] = $"Payments containing \"{text}\" will be sorted as {Category.Value.Label()}";
        return Redirect("/money/category-rules");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        db.CategoryRules.Remove(Rule);
        await db.SaveChangesAsync();
        TempData["Success"] = $"The rule for \"{Rule.Contains}\" has been deleted. Payments already sorted keep their category";
        return Redirect("/money/category-rules");
    }

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var rule = await db.CategoryRules.SingleOrDefaultAsync(r => r.Id == RuleId);
        if (rule is null)
        {
            context.Result = NotFound();
            return;
        }
        if (!Policies.RolePolicies[Policies.EditCategoryRules].Contains(User.AppRole() ?? Role.Person))
        {
            context.Result = Forbid();
            return;
        }
        Rule = rule;
        await next();
    }

    private Task<bool> LoadAsync() => Task.FromResult(Rule is not null);
}
