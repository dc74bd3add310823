using DirectPayments.Data;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Finance.Wallet;

/// <summary>
/// The person's whole money record to download (issue #4, item 10), as CSV or JSON, for moving to
/// another provider or keeping. Without a format, the page explains the two choices.
/// </summary>
[Authorize(Policy = Policies.PersonOnly)]
public sealed class ExportModel(DpDbContext db, MoneyActions money, MoneyExport export) : PageModel
{
    [BindProperty(Name = "account", SupportsGet = true)] public Guid? AccountId { get; set; }

    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public PersonWallets.Choice Chosen { get; private set; } = null!;

    public string Query { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var choices = await PersonWallets.ListAsync(db, money, User);
        if (PersonWallets.Pick(choices, AccountId) is not { } chosen)
        {
            return NotFound();
        }
        (Chosen, Query) = (chosen, PersonWallets.Query(chosen, choices));
        return await ExportPages.FileOrPageAsync(this, export, chosen.Account, Format, "Wallet export");
    }
}

/// <summary>The download both export pages give.</summary>
public static class ExportPages
{
    public static async Task<IActionResult> FileOrPageAsync(PageModel page, MoneyExport export, Domain.Finance.DpAccount account, string? format, string channel)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(export);
        switch (format?.Trim().ToLowerInvariant())
        {
            case "csv":
                var csv = await export.BuildAsync(account, channel + " as CSV");
                return page.File(MoneyExport.ToCsv(csv), "text/csv; charset=utf-8", MoneyExport.FileName(csv, "csv"));
            case "json":
                var json = await export.BuildAsync(account, channel + " as JSON");
                return page.File(MoneyExport.ToJson(json), "application/json", MoneyExport.FileName(json, "json"));
            case null or "":
                return page.Page();
            default:
                page.ModelState.AddModelError("Format", "Choose CSV or JSON");
                return page.Page();
        }
    }
}
