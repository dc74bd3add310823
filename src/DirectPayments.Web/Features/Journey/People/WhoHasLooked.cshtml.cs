using DirectPayments.Data;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Features.Shared;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey.People;

/// <summary>"Who has looked at my record": the audit trail for one person, in plain words.</summary>
[Authorize(Policy = Policies.SeeRecordViews)]
public sealed class WhoHasLookedModel(DpDbContext db) : PageModel
{
    [FromRoute] public Guid PersonId { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)] public int? PageNumber { get; set; }

    public string PersonName { get; private set; } = "";

    public sealed record Row(DateTime When, string Who, string What);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var person = await db.FindVisiblePersonAsync(User, PersonId);
        if (person is null)
        {
            return NotFound();
        }
        PersonName = person.FullName;
        var page = Paging.Clamp(PageNumber);
        var query = db.AuditEntries.AsNoTracking().Where(a => a.PersonId == person.Id);
        var total = await query.CountAsync();
        var entries = await query.OrderByDescending(a => a.Sequence)
            .Skip((page - 1) * Paging.DefaultPageSize).Take(Paging.DefaultPageSize).ToListAsync();
        var userIds = entries.Where(e => e.ActorUserId is not null).Select(e => e.ActorUserId!.Value).Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new { u.DisplayName, u.Role });
        Rows = [.. entries.Select(e => new Row(
            EnglandClock.ToEnglandTime(e.OccurredAt),
            e.ActorUserId is { } id && names.TryGetValue(id, out var n) ? $"{n.DisplayName} ({n.Role.Label()})"
                : e.Actor.StartsWith("api-key", StringComparison.Ordinal) ? "One of the council's computer systems" : "The service itself",
            Describe(e.Action, e.Reason)))];
        Paging = new Paging(page, Paging.DefaultPageSize, total, n => $"/people/{person.Id}/who-has-looked?page={n}");
        return Page();
    }

    private static string Describe(string action, string? reason) => action switch
    {
        "money.lines.viewed" => $"Opened the individual payments in and out of the money account. Reason given: {reason}",
        "money.exported" => "Downloaded the whole money record",
        "money.entry.noted" => "Added a note or category to a payment",
        "money.receipt.posted" => "Recorded a cash or paper spend",
        "account.viewed" => "Looked at the money account's totals",
        "receipt.downloaded" => "Opened the photo or PDF of a receipt",
        "person.viewed" => "Looked at the record",
        "person.updated" => "Changed the record",
        "person.created" => "Created the record",
        "personAccess.created" => "Gave someone access to the record",
        "personAccess.deleted" => "Removed someone's access to the record",
        "arrangements.listed" => "Listed direct payments, including this one",
        _ when action.Split('.') is [var record, var verb] && Things.TryGetValue(record, out var thing) => verb switch
        {
            "viewed" => $"Looked at {thing}",
            "created" => $"Added {thing}",
            "updated" => $"Changed {thing}",
            "deleted" => $"Removed {thing}",
            "signed" => $"Signed {thing}",
            _ => action,
        },
        _ => action,
    };

    /// <summary>The journey's records, in the words the person would use.</summary>
    private static readonly Dictionary<string, string> Things = new(StringComparer.Ordinal)
    {
        ["arrangement"] = "the direct payment",
        ["plan"] = "the support plan",
        ["supportPlan"] = "the support plan",
        ["agreement"] = "the direct payment agreement",
        ["review"] = "a review",
        ["caseTask"] = "a task such as a visit",
        ["suitability"] = "the suitability decision",
        ["funding"] = "the budget decision",
        ["receipt"] = "a receipt",
        ["dpAccount"] = "the money account",
    };
}
