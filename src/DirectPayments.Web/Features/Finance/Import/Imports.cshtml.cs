using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Import;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Import;

/// <summary>
/// Statement imports, newest first, and the form to upload a statement file (issue #4, item 3).
/// Works without JavaScript: the file goes up in an ordinary multipart form.
/// </summary>
[Authorize(Policy = Policies.ManageMoney)]
[RequestFormLimits(MultipartBodyLengthLimit = 1L << 40)]
[DisableRequestSizeLimit]
public sealed class ImportsModel(DpDbContext db, StatementImporter importer) : PageModel
{
    public const int PageSize = 20;

    [BindProperty] public IFormFile? Statement { get; set; }

    [BindProperty] public string? ColumnMap { get; set; }

    [BindProperty] public string? AccountReference { get; set; }

    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true)] public bool TooLarge { get; set; }

    public IReadOnlyList<StatementImport> Rows { get; private set; } = [];

    public IReadOnlyList<string> CouncilMaps { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public string MaxSize => StatementReader.Megabytes(importer.MaxBytes);

    public async Task OnGetAsync()
    {
        if (TooLarge)
        {
            ModelState.AddModelError(nameof(Statement), $"The file is larger than {MaxSize}. Split it into smaller files, for example one per month, and import each one");
        }
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Statement is null || Statement.Length == 0 && string.IsNullOrEmpty(Statement.FileName))
        {
            ModelState.AddModelError(nameof(Statement), "Select a statement file");
        }
        var layout = await importer.LayoutAsync(ColumnMap, ct);
        if (layout is null)
        {
            ModelState.AddModelError(nameof(ColumnMap), "Select the column map that matches the file");
        }
        Guid? accountId = null;
        if (!string.IsNullOrWhiteSpace(AccountReference))
        {
            var reference = AccountReference.Trim();
            accountId = await db.DpAccounts.AsNoTracking().Where(a => a.Reference == reference).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
            if (accountId is null)
            {
                ModelState.AddModelError(nameof(AccountReference), $"There is no direct payment account with the reference {reference}");
            }
        }
        else if (layout is { NamesAccounts: false })
        {
            ModelState.AddModelError(nameof(AccountReference), $"Enter the account reference: the \"{layout.Name}\" layout is for one account's statement");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        await using var content = Statement!.OpenReadStream();
        var outcome = await importer.ImportAsync(new ImportRequest(content, Statement.FileName, layout!.Name, accountId, ImportChannel.Page, Who.From(User)), ct);
        if (outcome.AlreadyImported)
        {
            TempData["Success"] = $"This file was already imported on {outcome.Import.ImportedAt.ToString("d MMMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}. Nothing was added.";
        }
        return Redirect($"/money/imports/{outcome.Import.Id}");
    }

    private async Task LoadAsync()
    {
        var page = Paging.Clamp(PageNumber);
        var query = db.StatementImports.AsNoTracking();
        var total = await query.CountAsync();
        Rows = await query.OrderByDescending(i => i.ImportedAt).ThenByDescending(i => i.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync();
        Paging = new Paging(page, PageSize, total, n => $"/money/imports?page={n}");
        CouncilMaps = await db.ColumnMaps.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync();
        ColumnMap ??= StatementLayout.CardProvider.Name;
    }

    /// <summary>The tag shown for an import's status.</summary>
    public static (string Text, string Css) Tag(ImportStatus status) => status switch
    {
        ImportStatus.Accepted => ("Accepted", "govuk-tag--green"),
        ImportStatus.Rejected => ("Rejected", "govuk-tag--red"),
        ImportStatus.Reversed => ("Reversed", "govuk-tag--grey"),
    };
}
