using System.Globalization;
using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Finance.Payments;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance;

/// <summary>A payment run: when it pays, its status and totals. Amounts are integer pence.</summary>
public sealed record PaymentRunDto(Guid Id, string Reference, DateOnly PayOn, PaymentRunStatus Status, int LineCount, long TotalPence,
    DateTime CreatedAt, DateTime? ConfirmedAt, string? IdempotencyKey, IReadOnlyList<PaymentRunLineDto> Lines);

/// <summary>One payment in a confirmed run.</summary>
public sealed record PaymentRunLineDto(int LineNumber, string PaymentReference, Guid AccountId, string ArrangementReference, string PersonReference,
    PaymentKind Kind, DateOnly DueOn, DateOnly PeriodEndsOn, long AmountPence);

/// <summary>A new payment run. <c>payOn</c> is a date like 2026-03-31, at most 7 days ago and 35 days ahead.</summary>
public sealed record PaymentRunRequest(string? PayOn);

/// <summary>Where a person's contributions stand today. Amounts are integer pence.</summary>
public sealed record ContributionsDto(Guid AccountId, string PersonReference, PaymentBasis Basis, DateOnly AsOf, long PerPaymentPence,
    long ExpectedPence, long ReceivedPence, long BehindPence, int PaymentsBehind);

/// <summary>
/// <c>/api/v1/payment-runs</c> and account contributions, for the council's finance system with an API key (issue #4,
/// item 2). Creating a run needs an <c>Idempotency-Key</c> header: sending the same key again returns the same run.
/// </summary>
public static class PaymentsApi
{
    private const string ProblemBase = JourneyApi.ProblemBase;

    public static void Map(IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/v1/payment-runs").WithTags("Payments");
        runs.MapPost("", CreateAsync).RequireAuthorization(Policies.ApiMoneyWrite).WithName("CreatePaymentRun")
            .WithSummary("Works out and confirms a payment run for a pay-on date in one call. The Idempotency-Key header is required: the same key returns the same run, never a second one.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        runs.MapGet("/{runId:guid}", GetAsync).RequireAuthorization(Policies.ApiMoneyRead).WithName("GetPaymentRun")
            .WithSummary("A payment run with its lines.").ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet("/{runId:guid}/file", FileAsync).RequireAuthorization(Policies.ApiMoneyRead).WithName("GetPaymentRunFile")
            .WithSummary("A confirmed run's payment file: format=csv (the default) or format=bacs (Bacs Standard 18). Each download is audited.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapGet("/api/v1/accounts/{accountId:guid}/contributions", ContributionsAsync).RequireAuthorization(Policies.ApiMoneyRead)
            .WithTags("Payments").WithName("GetAccountContributions")
            .WithSummary("Contributions expected to today against received, and how far behind, for one account.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<PaymentRunDto>, Ok<PaymentRunDto>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        DpDbContext db, PaymentRuns runs, MoneyActions money, HttpContext http, PaymentRunRequest body)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString().Trim();
        if (key.Length == 0 || key.Length > 100)
        {
            return TypedResults.Problem(Problem(StatusCodes.Status400BadRequest, "idempotency-key-required", "Idempotency-Key header needed",
                "Send an Idempotency-Key header of 1 to 100 characters, such as a new UUID, so a retried request never makes a second run"));
        }
        if (await db.PaymentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.IdempotencyKey == key) is { } existing)
        {
            return TypedResults.Ok(await DtoAsync(db, existing));
        }
        DateOnly? payOn = DateOnly.TryParseExact(body?.PayOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (body?.PayOn is null || (payOn is null))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["payOn"] = [body?.PayOn is null ? "Enter payOn, the date the payments will be made, like 2026-03-31" : "payOn must be a real date, written like 2026-03-31"],
            }, title: "The request has problems", type: ProblemBase + "validation");
        }
        if (PaymentRuns.CheckPayOn(payOn, money.Today) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["payOn"] = [problem] },
                title: "The request has problems", type: ProblemBase + "validation");
        }
        PaymentRun draft;
        try
        {
            draft = await runs.CreateDraftAsync(payOn.Value, Who.From(http.User) with { Name = "API key: " + (http.User.Identity?.Name ?? "unknown") }, key);
        }
        catch (DbUpdateException)
        {
            // The same key sent twice at once: the unique index let one through; return that one.
            db.ChangeTracker.Clear();
            var winner = await db.PaymentRuns.AsNoTracking().SingleAsync(r => r.IdempotencyKey == key);
            return TypedResults.Ok(await DtoAsync(db, winner));
        }
        var outcome = await runs.ConfirmAsync(draft.Id, Who.System);
        if (outcome.Run is null)
        {
            var status = outcome.Code == "nothing-to-pay" ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status409Conflict;
            var refused = Problem(status, "payments/" + outcome.Code, "The payment run was not confirmed", outcome.Refusal!);
            refused.Extensions["runId"] = draft.Id;
            return TypedResults.Problem(refused);
        }
        return TypedResults.Created($"/api/v1/payment-runs/{draft.Id}", await DtoAsync(db, outcome.Run));
    }

    private static async Task<Results<Ok<PaymentRunDto>, ProblemHttpResult>> GetAsync(DpDbContext db, Guid runId)
    {
        var run = await db.PaymentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId);
        return run is null ? RunNotFound() : TypedResults.Ok(await DtoAsync(db, run));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(DpDbContext db, PaymentRuns runs, Guid runId, string? format)
    {
        var run = await db.PaymentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId);
        if (run is null)
        {
            return RunNotFound();
        }
        if (run.Status != PaymentRunStatus.Confirmed)
        {
            return TypedResults.Problem(Problem(StatusCodes.Status422UnprocessableEntity, "payments/not-confirmed", "The run is a draft",
                "A payment file is only made for a confirmed run"));
        }
        var lines = await runs.FileLinesAsync(run);
        format = (format ?? "csv").Trim().ToLowerInvariant();
        FileContentHttpResult file;
        if (format == "csv")
        {
            file = TypedResults.File(PaymentRuns.Csv(lines), "text/csv; charset=utf-8", $"{run.Reference}.csv");
        }
        else if (format == "bacs")
        {
            var outcome = await runs.BacsAsync(run, lines);
            if (outcome.Text is not { } text)
            {
                var problem = Problem(StatusCodes.Status422UnprocessableEntity, "payments/bacs-refused", "The Bacs file cannot be made",
                    string.Join(". ", outcome.Problems));
                problem.Extensions["problems"] = outcome.Problems;
                return TypedResults.Problem(problem);
            }
            file = TypedResults.File(System.Text.Encoding.ASCII.GetBytes(text), "text/plain; charset=us-ascii", $"{run.Reference}.txt");
        }
        else
        {
            return TypedResults.Problem(Problem(StatusCodes.Status400BadRequest, "payments/unknown-format", "Unknown file format",
                "format must be csv or bacs"));
        }
        db.RecordAudit("payment-run.downloaded", nameof(PaymentRun), run.Id.ToString(), details: $"{format} file through the API, {lines.Count} lines");
        await db.SaveChangesAsync();
        return file;
    }

    private static async Task<Results<Ok<ContributionsDto>, ProblemHttpResult>> ContributionsAsync(DpDbContext db, Contributions contributions, MoneyActions money, Guid accountId)
    {
        var account = await db.DpAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId);
        if (account is null)
        {
            return TypedResults.Problem(Problem(StatusCodes.Status404NotFound, "account-not-found", "Account not found",
                "There is no direct payment account with this id in your council."));
        }
        var person = await db.People.AsNoTracking().Where(p => p.Id == account.PersonId).Select(p => p.Reference).SingleAsync();
        var row = (await contributions.AllAsync(money.Today, accountId)).SingleOrDefault();
        var p = row?.Position;
        db.RecordAudit("account.viewed", nameof(DpAccount), account.Id.ToString(), account.PersonId, details: "Contributions through the API");
        await db.SaveChangesAsync();
        return TypedResults.Ok(new ContributionsDto(account.Id, person, p?.Basis ?? PaymentBasis.Net, money.Today, p?.PerPeriod.Pence ?? 0,
            p?.Expected.Pence ?? 0, p?.Received.Pence ?? 0, p?.Behind.Pence ?? 0, p?.PeriodsBehind ?? 0));
    }

    private static async Task<PaymentRunDto> DtoAsync(DpDbContext db, PaymentRun run)
    {
        var lines = await db.PaymentRunLines.AsNoTracking().Where(l => l.RunId == run.Id)
            .Join(db.Arrangements, l => l.ArrangementId, a => a.Id, (l, a) => new { l, a.Reference, a.PersonId })
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new { x.l, x.Reference, PersonReference = p.Reference })
            .OrderBy(x => x.l.LineNumber)
            .Select(x => new PaymentRunLineDto(x.l.LineNumber, x.l.PaymentReference, x.l.AccountId, x.Reference, x.PersonReference, x.l.Kind,
                x.l.DueOn, x.l.PeriodEndsOn, x.l.AmountPence))
            .ToListAsync();
        return new PaymentRunDto(run.Id, run.Reference, run.PayOn, run.Status, run.LineCount, run.TotalPence, run.CreatedAt, run.ConfirmedAt,
            run.IdempotencyKey, lines);
    }

    private static ProblemDetails Problem(int status, string type, string title, string detail) => new()
    {
        Type = ProblemBase + type,
        Title = title,
        Status = status,
        Detail = detail,
    };

    private static ProblemHttpResult RunNotFound() => TypedResults.Problem(Problem(StatusCodes.Status404NotFound,
        "payment-run-not-found", "Payment run not found", "There is no payment run with this id in your council."));
}
