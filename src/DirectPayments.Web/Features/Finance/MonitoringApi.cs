using System.Globalization;
using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Monitoring;
using DirectPayments.Web.Features.Finance.Monitoring;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance;

/// <summary>One monitoring flag: what was noticed, the facts, and how the conversation ended once it has.</summary>
public sealed record FlagDto(Guid Id, Guid AccountId, Guid ArrangementId, FlagKind Kind, string Title, DateOnly RaisedOn, string Facts,
    FlagStatus Status, ConversationOutcome? Outcome, DateTime? ResolvedAt, int SettingsVersion);

/// <summary>One part of an oversight score.</summary>
public sealed record ScoreComponentDto(string Name, int Points, string Reason);

/// <summary>An account's oversight level, score, review interval and each component of the score.</summary>
public sealed record OversightDto(Guid AccountId, OversightLevel Level, int Score, int ReviewIntervalMonths, string AuditFrequency, IReadOnlyList<ScoreComponentDto> Components);

/// <summary><c>/api/v1/flags</c> and <c>/api/v1/accounts/{accountId}/oversight</c>: monitoring for the council's systems (issue #4, items 5 and 7).</summary>
public static class MonitoringApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/flags", ListFlagsAsync).WithTags("Monitoring").RequireAuthorization(Policies.ApiMoneyRead).WithName("ListFlags")
            .WithSummary("Lists the council's monitoring flags, newest first, 25 to a page by default; filter by status (Open or Resolved) and kind.");
        app.MapGet("/api/v1/accounts/{accountId:guid}/oversight", GetOversightAsync).WithTags("Monitoring").RequireAuthorization(Policies.ApiMoneyRead)
            .WithName("GetAccountOversight")
            .WithSummary("An account's oversight level and score, with the points and reason for each part. Each read is audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<PagedResult<FlagDto>>, ValidationProblem>> ListFlagsAsync(
        DpDbContext db, string? status, string? kind, int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        FlagStatus? statusFilter = null;
        FlagKind? kindFilter = null;
        if (status is not null)
        {
            if (Enum.TryParse<FlagStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s))
            {
                statusFilter = s;
            }
            else
            {
                errors["status"] = [$"status must be one of {string.Join(", ", Enum.GetNames<FlagStatus>())}"];
            }
        }
        if (kind is not null)
        {
            if (Enum.TryParse<FlagKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k))
            {
                kindFilter = k;
            }
            else
            {
                errors["kind"] = [$"kind must be one of {string.Join(", ", Enum.GetNames<FlagKind>())}"];
            }
        }
        if (page is < 1)
        {
            errors["page"] = ["page must be 1 or more"];
        }
        if (pageSize is < 1 or > 100)
        {
            errors["pageSize"] = ["pageSize must be between 1 and 100"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has problems", type: JourneyApi.ProblemBase + "validation");
        }
        var size = pageSize ?? 25;
        var number = page ?? 1;
        var flags = db.MoneyFlags.AsNoTracking();
        if (statusFilter is { } st)
        {
            flags = flags.Where(f => f.Status == st);
        }
        if (kindFilter is { } kf)
        {
            flags = flags.Where(f => f.Kind == kf);
        }
        var total = await flags.CountAsync();
        var rows = await flags.OrderByDescending(f => f.RaisedOn).ThenBy(f => f.Id).Skip((number - 1) * size).Take(size).ToListAsync();
        var items = rows.Select(f => new FlagDto(f.Id, f.AccountId, f.ArrangementId, f.Kind, FlagText.Title(f.Kind), f.RaisedOn, f.Facts, f.Status,
            f.Outcome, f.ResolvedAt, f.SettingsVersion)).ToList();
        db.RecordAudit("flags.listed", nameof(MoneyFlag), "*", details: string.Create(CultureInfo.InvariantCulture, $"API: page {number}, {items.Count} flags"));
        await db.SaveChangesAsync();
        return TypedResults.Ok(new PagedResult<FlagDto>(items, number, size, total));
    }

    private static async Task<Results<Ok<OversightDto>, ProblemHttpResult>> GetOversightAsync(Guid accountId, DpDbContext db, OversightQuery oversight, MoneyActions money)
    {
        var account = await db.DpAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId);
        var level = account is null ? null : await oversight.ForAccountAsync(account.Id, money.Today);
        if (account is null || level is null)
        {
            return TypedResults.Problem(type: JourneyApi.ProblemBase + "not-found", title: "Account not found", statusCode: StatusCodes.Status404NotFound,
                detail: account is null ? "There is no direct payment account with this id in your council." : "The account has no payment schedule yet, so it has no oversight level.");
        }
        db.RecordAudit("oversight.viewed", nameof(DpAccount), account.Id.ToString(), account.PersonId, details: "API");
        await db.SaveChangesAsync();
        return TypedResults.Ok(new OversightDto(account.Id, level.Level, level.Score, level.ReviewIntervalMonths, level.AuditFrequency,
            level.Components.Select(c => new ScoreComponentDto(c.Name, c.Points, c.Reason)).ToList()));
    }
}
