using DirectPayments.Data;
using DirectPayments.Domain.Platform.Audit;
using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Platform.Admin;

/// <summary>Search the council's audit trail, and check the chain is whole.</summary>
[Authorize(Policy = Policies.CouncilAdmin)]
public sealed class AuditModel(DpDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserEmail { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public sealed record Row(AuditEntry Entry, string Who);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public AuditChainProblem? ChainProblem { get; private set; }

    public long ChainLength { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync()
    {
        // Verification streams the whole chain in order; at national scale this becomes a scheduled job (issue #9).
        var ordered = db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable();
        var buffer = new List<AuditEntry>();
        await foreach (var entry in ordered)
        {
            buffer.Add(entry);
        }
        ChainLength = buffer.Count;
        ChainProblem = AuditChain.Verify(buffer);

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Person))
        {
            var reference = Person.Trim().ToUpperInvariant();
            var personId = await db.People.Where(p => p.Reference.ToUpper() == reference).Select(p => (Guid?)p.Id).SingleOrDefaultAsync();
            if (personId is null)
            {
                Message = $"There is no person with the reference {Person.Trim()}.";
            }
            query = query.Where(a => a.PersonId == personId);
        }
        if (!string.IsNullOrWhiteSpace(UserEmail))
        {
            var normal = UserEmail.Trim().ToUpperInvariant();
            var council = db.CurrentCouncilId;
            var userId = await db.Users.Where(u => u.NormalizedEmail == normal).Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
            if (userId is null)
            {
                Message = $"There is no account with the email address {UserEmail.Trim()}.";
            }
            query = query.Where(a => a.ActorUserId == userId);
        }
        if (!string.IsNullOrWhiteSpace(Action))
        {
            var action = Action.Trim();
            query = query.Where(a => a.Action.StartsWith(action));
        }
        var page = Paging.Clamp(PageNumber);
        var total = await query.CountAsync();
        var entries = await query.OrderByDescending(a => a.Sequence).Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize).ToListAsync();
        var ids = entries.Where(e => e.ActorUserId is not null).Select(e => e.ActorUserId!.Value).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Rows = [.. entries.Select(e => new Row(e, e.ActorUserId is { } id && names.TryGetValue(id, out var n) ? $"{n} ({e.ActorRole})" : e.Actor))];
        var filters = $"&Person={Uri.EscapeDataString(Person ?? "")}&UserEmail={Uri.EscapeDataString(UserEmail ?? "")}&Action={Uri.EscapeDataString(Action ?? "")}";
        Paging = new Paging(page, Paging.DefaultPageSize, total, n => $"/admin/audit?page={n}{filters}");
    }
}
