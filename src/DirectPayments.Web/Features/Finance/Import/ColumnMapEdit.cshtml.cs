using DirectPayments.Data;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Import;

/// <summary>Change or delete one of the council's column maps. Past imports keep the name they were read with.</summary>
[Authorize(Policy = Policies.ManageMoney)]
public sealed class ColumnMapEditModel(DpDbContext db) : PageModel
{
    [FromRoute] public Guid MapId { get; set; }

    [BindProperty] public ColumnMapForm Map { get; set; } = new();

    public string MapName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var map = await db.ColumnMaps.AsNoTracking().FirstOrDefaultAsync(m => m.Id == MapId);
        if (map is null)
        {
            return NotFound();
        }
        MapName = map.Name;
        Map = ColumnMapForm.From(map);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var map = await db.ColumnMaps.FirstOrDefaultAsync(m => m.Id == MapId);
        if (map is null)
        {
            return NotFound();
        }
        MapName = map.Name;
        Map.ApplyTo(map, ModelState);
        if (ModelState.IsValid && await db.ColumnMaps.AnyAsync(m => m.Name == map.Name && m.Id != MapId))
        {
            ModelState.AddModelError("Map.Name", $"The council already has a column map called {map.Name}; choose another name");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await db.SaveChangesAsync();
        TempData["Success"] = $"Column map {map.Name} saved.";
        return Redirect("/money/column-maps");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var map = await db.ColumnMaps.FirstOrDefaultAsync(m => m.Id == MapId);
        if (map is null)
        {
            return NotFound();
        }
        db.ColumnMaps.Remove(map);
        await db.SaveChangesAsync();
        TempData["Success"] = $"Column map {map.Name} deleted.";
        return Redirect("/money/column-maps");
    }
}
