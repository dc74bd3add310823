using System.Globalization;
using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance.Wallet;

/// <summary>Spending in one category: planned against actual, over the last four weeks and since the schedule started.</summary>
public sealed record CategorySummaryDto(CostCategory? Category, string Label, bool InPlan, long PlannedRecentPence, long SpentRecentPence,
    long PlannedSinceStartPence, long SpentSinceStartPence);

/// <summary>
/// An account at the level routine oversight needs: balance, weeks of cover, spending by category, upcoming
/// payments and contributions. No line-level detail (issue #4, item 9).
/// </summary>
public sealed record AccountSummaryDto(Guid Id, string Reference, Guid PersonId, Guid ArrangementId, PaymentMethod Kind, DateOnly OpenedOn,
    DateOnly? ClosedOn, long BalancePence, long CashPence, long WeeklyPlannedPence, decimal? WeeksOfCover, DateOnly RecentFrom, DateOnly Since,
    IReadOnlyList<CategorySummaryDto> Categories, IReadOnlyList<UpcomingPaymentDto> Upcoming, long? ContributionsExpectedPence,
    long? ContributionsReceivedPence, int OpenFlags);

public sealed record UpcomingPaymentDto(DateOnly DueOn, long AmountPence);

/// <summary>The account summary and person-level export over the API (ApiMoneyRead, scope money:read).</summary>
public static class WalletApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounts").WithTags("Accounts");
        group.MapGet("/{accountId:guid}", GetAsync).RequireAuthorization(Policies.ApiMoneyRead).WithName("GetAccount")
            .WithSummary("An account's balance, weeks of cover, spending by category against the plan, upcoming payments and contributions. No line-level detail. Each read is audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{accountId:guid}/export", ExportAsync).RequireAuthorization(Policies.ApiMoneyRead).WithName("ExportAccount")
            .WithSummary("The person's whole money record (account, schedules, payments, every ledger entry, notes, receipts, flags, reclaims) as JSON (format=json, the default) or CSV (format=csv). Audited.")
            .Produces<MoneyExportDocument>(StatusCodes.Status200OK, "application/json").Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<AccountSummaryDto>, ProblemHttpResult>> GetAsync(DpDbContext db, WalletFigures figures, Guid accountId)
    {
        var account = await db.DpAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId);
        if (account is null)
        {
            return AccountNotFound();
        }
        var s = await figures.SummaryAsync(account);
        var flags = await db.MoneyFlags.CountAsync(f => f.AccountId == account.Id && f.Status == FlagStatus.Open);
        db.RecordAudit("account.viewed", nameof(DpAccount), account.Id.ToString(), account.PersonId, details: "API: account summary");
        await db.SaveChangesAsync();
        return TypedResults.Ok(new AccountSummaryDto(account.Id, account.Reference, account.PersonId, account.ArrangementId, account.Kind,
            account.OpenedOn, account.ClosedOn, s.Balance.Pence, s.Cash.Pence, s.WeeklyPlanned.Pence, s.WeeksOfCover, s.RecentFrom, s.Since,
            [.. s.Categories.Select(c => new CategorySummaryDto(c.Category, c.Label, c.InPlan, c.PlannedRecent.Pence, c.SpentRecent.Pence,
                c.PlannedSinceStart.Pence, c.SpentSinceStart.Pence))],
            [.. s.Upcoming.Select(u => new UpcomingPaymentDto(u.DueOn, u.Amount.Pence))],
            s.Contributions?.Expected.Pence, s.Contributions?.Received.Pence, flags));
    }

    private static async Task<IResult> ExportAsync(DpDbContext db, MoneyExport export, Guid accountId, string? format)
    {
        var wanted = (format ?? "json").Trim().ToLowerInvariant();
        if (wanted is not ("json" or "csv"))
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Type = JourneyApi.ProblemBase + "validation",
                Title = "The request has problems",
                Status = StatusCodes.Status400BadRequest,
                Detail = string.Create(CultureInfo.InvariantCulture, $"format must be csv or json, not \"{format}\""),
            });
        }
        var account = await db.DpAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId);
        if (account is null)
        {
            return AccountNotFound();
        }
        var doc = await export.BuildAsync(account, "API export as " + wanted);
        return wanted == "csv"
            ? TypedResults.File(MoneyExport.ToCsv(doc), "text/csv; charset=utf-8", MoneyExport.FileName(doc, "csv"))
            : TypedResults.File(MoneyExport.ToJson(doc), "application/json", MoneyExport.FileName(doc, "json"));
    }

    private static ProblemHttpResult AccountNotFound() => TypedResults.Problem(new ProblemDetails
    {
        Type = JourneyApi.ProblemBase + "account-not-found",
        Title = "Account not found",
        Status = StatusCodes.Status404NotFound,
        Detail = "There is no direct payment account with this id in your council.",
    });
}
