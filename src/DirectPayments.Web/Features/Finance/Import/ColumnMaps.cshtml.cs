using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Import;

/// <summary>The built-in statement layouts and the council's own column maps, with a form to add one.</summary>
[Authorize(Policy = Policies.ManageMoney)]
public sealed class ColumnMapsModel(DpDbContext db, MoneyActions money) : PageModel
{
    [BindProperty] public ColumnMapForm Map { get; set; } = new();

    public IReadOnlyList<ColumnMap> CouncilMaps { get; private set; } = [];

    public async Task OnGetAsync() => CouncilMaps = await db.ColumnMaps.AsNoTracking().OrderBy(m => m.Name).ToListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var map = new ColumnMap
        {
            Id = money.NewId(),
            Name = "",
            DateFormat = "",
            DateColumn = "",
            DescriptionColumn = "",
            CreatedAt = money.Now,
            CreatedByName = User.Identity?.Name ?? "Unknown",
        };
        Map.ApplyTo(map, ModelState);
        if (ModelState.IsValid && await db.ColumnMaps.AnyAsync(m => m.Name == map.Name))
        {
            ModelState.AddModelError("Map.Name", $"The council already has a column map called {map.Name}; choose another name");
        }
        if (!ModelState.IsValid)
        {
            await OnGetAsync();
            return Page();
        }
        db.ColumnMaps.Add(map);
        await db.SaveChangesAsync();
        TempData["Success"] = $"Column map {map.Name} added. Choose it when you import a statement.";
        return Redirect("/money/column-maps");
    }
}
