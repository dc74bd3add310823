using DirectPayments.Data;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Policy = DirectPayments.Domain.Finance.SpendingPolicy;

namespace DirectPayments.Web.Features.Finance.Spending;

/// <summary>
/// What a direct payment can be spent on, in the council's own words (issue #4, item 9): permissive,
/// no blanket merchant bans, and running the direct payment itself is allowed (RULES.md sections 4.3 and 16).
/// </summary>
[Authorize(Policy = Policies.ViewAccount)]
public sealed class IndexModel(DpDbContext db) : PageModel
{
    public IReadOnlyList<string> Paragraphs { get; private set; } = [];

    public DateTime? UpdatedAt { get; private set; }

    public bool CanEdit => Policies.RolePolicies[Policies.EditMonitoringSettings].Contains(User.AppRole() ?? Role.Person);

    public bool IsPerson => User.AppRole() == Role.Person;

    public async Task OnGetAsync()
    {
        var policy = await db.SpendingPolicies.AsNoTracking().SingleOrDefaultAsync();
        UpdatedAt = policy?.UpdatedAt;
        Paragraphs = Split(policy?.Text ?? Policy.DefaultText);
    }

    /// <summary>The text's paragraphs: blocks separated by a blank line.</summary>
    public static IReadOnlyList<string> Split(string text) =>
        [.. (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
