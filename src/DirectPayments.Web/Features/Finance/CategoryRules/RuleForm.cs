using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.CategoryRules;

/// <summary>The checks both rule forms make, with messages at the fields.</summary>
public static class RuleForm
{
    /// <summary>The rule's text, normalised, if the form is sound; otherwise null with the errors added.</summary>
    public static async Task<string?> ValidateAsync(DpDbContext db, ModelStateDictionary state, string? contains, CostCategory? category, Guid? except)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(state);
        state.Remove("Category");
        var text = CategoryRuleRules.Normalise(contains);
        var others = await db.CategoryRules.Where(r => except == null || r.Id != except).Select(r => r.Contains).ToListAsync();
        if (CategoryRuleRules.Problem(text, others) is { } problem)
        {
            state.AddModelError("Contains", problem);
        }
        if (category is not { } c || !Enum.IsDefined(c))
        {
            state.AddModelError("Category", "Choose the category to sort these payments into");
        }
        return state.IsValid ? text : null;
    }
}
