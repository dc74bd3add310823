using DirectPayments.Data;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Platform.Admin;

/// <summary>A council administrator makes and revokes API keys for the council's own systems.</summary>
[Authorize(Policy = Policies.CouncilAdmin)]
public sealed class ApiKeysModel(DpDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }

    [BindProperty] public List<string> Scopes { get; set; } = [];

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    private async Task LoadAsync() =>
        Keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).Take(200).ToListAsync();

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter what the key is for");
        }
        else if (Name.Length > 200)
        {
            ModelState.AddModelError(nameof(Name), "What the key is for must be 200 characters or fewer");
        }
        if (Scopes.Count == 0 || Scopes.Any(s => !ApiScopes.All.ContainsKey(s)))
        {
            ModelState.AddModelError(nameof(Scopes), "Select what the key can do");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var (key, prefix, hash) = ApiKeyAuthentication.NewKey();
        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), Name = Name!.Trim(), Prefix = prefix, SecretHash = hash,
            Scopes = string.Join(' ', Scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedByUserId = User.UserId(),
        });
        await db.SaveChangesAsync();
        TempData["NewKey"] = key;
        return Redirect("/admin/api-keys");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid apiKeyId)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == apiKeyId);
        if (key is null)
        {
            return NotFound();
        }
        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }
        return Redirect("/admin/api-keys");
    }
}
