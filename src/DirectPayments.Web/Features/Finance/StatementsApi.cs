using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Import;
using DirectPayments.Web.Features.Finance.Import;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Finance;

/// <summary>
/// What became of a statement file or push. <c>status</c> is Accepted, Rejected, Reversed or, for a
/// file sent again, AlreadyImported (then the counts are the first import's). <c>ignoredPending</c>
/// counts Open Banking lines still Pending, which are not posted.
/// </summary>
public sealed record StatementImportDto(Guid Id, string Status, string FileName, string ColumnMap, Guid? AccountId, int Lines, int Added,
    int Duplicates, int MatchedPayments, int IgnoredPending, int BalanceDisagreements, IReadOnlyList<string> Reconciliation,
    DateTime ImportedAt, string Message);

/// <summary>
/// <c>/api/v1/statements</c> and <c>/api/v1/accounts/{accountId}/transactions</c>: statement files and
/// card providers' transaction pushes (issue #4, item 3), through the same importer as the pages.
/// </summary>
public static class StatementsApi
{
    private const string ProblemBase = JourneyApi.ProblemBase;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/statements", ImportFileAsync).RequireAuthorization(Policies.ApiStatementsPush).WithTags("Statements")
            .WithName("ImportStatement")
            .WithSummary("Imports a statement file sent as the body (text/csv). Query: map (a built-in layout such as card-provider, or a council column map) and, for one-account files, account (its reference or id). 201 accepted; 200 if the same file was imported before; 422 lists each bad line and nothing is posted.")
            .Accepts<string>("text/csv")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        app.MapPost("/api/v1/accounts/{accountId:guid}/transactions", PushAsync).RequireAuthorization(Policies.ApiStatementsPush).WithTags("Statements")
            .WithName("PushTransactions")
            .WithSummary("A card provider pushes an account's transactions as JSON: either { \"transactions\": [ { transactionId, date, amount, description, payee, balance } ] } with a signed amount (money out negative), or the Open Banking OBReadTransaction6 shape { \"Data\": { \"Transaction\": [ ... ] } }. Only Booked GBP lines are posted; Pending ones are counted and ignored. Lines are recognised again by TransactionId.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }

    private static Who ApiWho(ClaimsPrincipal user) => new(null, "API key " + (user.Identity?.Name ?? "unknown"));

    private static async Task<Results<Created<StatementImportDto>, Ok<StatementImportDto>, ProblemHttpResult>> ImportFileAsync(
        HttpContext context, DpDbContext db, StatementImporter importer, string? map, string? account, CancellationToken ct)
    {
        if (TooLarge(context, importer) is { } tooLarge)
        {
            return tooLarge;
        }
        if (string.IsNullOrWhiteSpace(map))
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "statements/map-missing", "Say which column map to use",
                "Add ?map= with a built-in layout (card-provider, bank or minimal) or the name of one of the council's column maps.");
        }
        Guid? accountId = null;
        if (!string.IsNullOrWhiteSpace(account))
        {
            var text = account.Trim();
            var found = Guid.TryParse(text, out var id)
                ? await db.DpAccounts.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct)
                : await db.DpAccounts.AsNoTracking().Where(a => a.Reference == text).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                return Problem(StatusCodes.Status422UnprocessableEntity, "statements/account-not-found", "Account not found",
                    $"There is no direct payment account \"{text}\" in your council.");
            }
            accountId = found;
        }
        var name = context.Request.Headers["X-File-Name"].FirstOrDefault() is { Length: > 0 } n ? n : "statement.csv";
        var outcome = await importer.ImportAsync(new ImportRequest(context.Request.Body, name, map, accountId, ImportChannel.Api, ApiWho(context.User)), ct);
        return Respond(outcome, 0);
    }

    private static async Task<Results<Created<StatementImportDto>, Ok<StatementImportDto>, ProblemHttpResult>> PushAsync(
        HttpContext context, DpDbContext db, StatementImporter importer, Guid accountId, CancellationToken ct)
    {
        var target = await db.DpAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (target is null)
        {
            return Problem(StatusCodes.Status404NotFound, "statements/account-not-found", "Account not found",
                "There is no direct payment account with this id in your council.");
        }
        if (TooLarge(context, importer) is { } tooLarge)
        {
            return tooLarge;
        }
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        var (lines, ignored, problems) = TransactionPush.Read(body);
        if (problems.Count > 0)
        {
            var problem = ProblemDetailsFor(StatusCodes.Status422UnprocessableEntity, "statements/rejected", "The transactions were not imported",
                "Nothing was posted. Correct these transactions and send them again.");
            problem.Extensions["errors"] = problems.Take(StatementReader.MaxListedProblems).ToList();
            problem.Extensions["errorCount"] = problems.Count;
            return TypedResults.Problem(problem);
        }
        var outcome = await importer.ImportPushAsync(target.Id, lines, body, ApiWho(context.User), ct);
        return Respond(outcome, ignored);
    }

    private static ProblemHttpResult? TooLarge(HttpContext context, StatementImporter importer)
    {
        if (context.Request.ContentLength is { } length && length > importer.MaxBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "statements/too-large", "The file is too large",
                $"The file is larger than {StatementReader.Megabytes(importer.MaxBytes)}. Split it into smaller files, for example one per month, and send each one.");
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // Let the importer read up to the limit and refuse the file itself past it.
            size.MaxRequestBodySize = importer.MaxBytes + 1;
        }
        return null;
    }

    private static Results<Created<StatementImportDto>, Ok<StatementImportDto>, ProblemHttpResult> Respond(ImportOutcome outcome, int ignored)
    {
        if (outcome.Rejected)
        {
            var problem = ProblemDetailsFor(StatusCodes.Status422UnprocessableEntity, "statements/rejected", "The statement was not imported",
                "Nothing was posted to the ledger. Correct the lines listed in errors and send the file again.");
            problem.Extensions["importId"] = outcome.Import.Id;
            problem.Extensions["errors"] = outcome.ProblemsForDisplay;
            problem.Extensions["errorCount"] = outcome.ProblemCount;
            return TypedResults.Problem(problem);
        }
        var dto = ToDto(outcome, ignored);
        return outcome.AlreadyImported ? TypedResults.Ok(dto) : TypedResults.Created($"/money/imports/{outcome.Import.Id}", dto);
    }

    /// <summary>The outcome as the API and the CLI describe it.</summary>
    public static StatementImportDto ToDto(ImportOutcome outcome, int ignored = 0)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var i = outcome.Import;
        var message = outcome.AlreadyImported
            ? string.Create(CultureInfo.InvariantCulture, $"This file was already imported on {i.ImportedAt:d MMMM yyyy 'at' HH:mm} UTC by {i.ImportedByName}; nothing was added.")
            : string.Create(CultureInfo.InvariantCulture, $"{outcome.Lines:N0} lines read: {outcome.Added:N0} added, {outcome.Duplicates:N0} already in the ledger, {outcome.MatchedPayments:N0} council payments matched.");
        return new StatementImportDto(i.Id, outcome.AlreadyImported ? "AlreadyImported" : i.Status.ToString(), i.FileName, i.ColumnMapName, i.AccountId,
            outcome.AlreadyImported ? i.LineCount : outcome.Lines, outcome.Added, outcome.Duplicates, outcome.MatchedPayments, ignored,
            outcome.AlreadyImported ? i.BalanceDisagreements : outcome.Reconciliation.Count,
            [.. outcome.Reconciliation.Take(StatementReader.MaxListedProblems).Select(d => d.ToString())], i.ImportedAt, message);
    }

    private static ProblemDetails ProblemDetailsFor(int status, string type, string title, string detail) => new()
    {
        Type = ProblemBase + type,
        Title = title,
        Status = status,
        Detail = detail,
    };

    private static ProblemHttpResult Problem(int status, string type, string title, string detail) =>
        TypedResults.Problem(ProblemDetailsFor(status, type, title, detail));
}

/// <summary>
/// Reads a card provider's JSON push: our simple shape or the UK Open Banking Read/Write API's
/// OBReadTransaction6 (<c>Data.Transaction[]</c> with <c>Amount.Amount</c>, <c>CreditDebitIndicator</c>,
/// <c>Status</c>, <c>BookingDateTime</c>, <c>TransactionInformation</c>, <c>MerchantDetails.MerchantName</c>,
/// <c>Balance</c>). Each transaction's number (from 1) stands in for a line number.
/// </summary>
public static class TransactionPush
{
    public static (IReadOnlyList<StatementLine> Lines, int IgnoredPending, IReadOnlyList<string> Problems) Read(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var problems = new List<string>();
        var lines = new List<StatementLine>();
        var ignored = 0;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return ([], 0, [$"The body is not valid JSON: {e.Message}"]);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && Prop(root, "Data") is { ValueKind: JsonValueKind.Object } data
                && Prop(data, "Transaction") is { ValueKind: JsonValueKind.Array } obTransactions)
            {
                var n = 0;
                foreach (var t in obTransactions.EnumerateArray())
                {
                    n++;
                    if (ReadOpenBanking(t, n, problems, ref ignored) is { } line)
                    {
                        lines.Add(line);
                    }
                }
            }
            else if (root.ValueKind == JsonValueKind.Object && Prop(root, "transactions") is { ValueKind: JsonValueKind.Array } simple)
            {
                var n = 0;
                foreach (var t in simple.EnumerateArray())
                {
                    n++;
                    if (ReadSimple(t, n, problems) is { } line)
                    {
                        lines.Add(line);
                    }
                }
            }
            else
            {
                problems.Add("The body must be { \"transactions\": [ ... ] } or Open Banking's { \"Data\": { \"Transaction\": [ ... ] } }.");
            }
        }
        if (problems.Count == 0 && lines.Count == 0 && ignored == 0)
        {
            problems.Add("There are no transactions in the body.");
        }
        return (lines, ignored, problems);
    }

    private static StatementLine? ReadOpenBanking(JsonElement t, int n, List<string> problems, ref int ignored)
    {
        var status = Text(t, "Status");
        if (string.Equals(status, "Pending", StringComparison.OrdinalIgnoreCase))
        {
            ignored++;
            return null;
        }
        if (!string.Equals(status, "Booked", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"transaction {n}: Status must be Booked or Pending");
            return null;
        }
        var id = Text(t, "TransactionId");
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add($"transaction {n}: TransactionId is missing; it is how a transaction sent again is recognised");
            return null;
        }
        var amount = Prop(t, "Amount");
        var currency = amount is { ValueKind: JsonValueKind.Object } a ? Text(a, "Currency") : null;
        var pence = amount is { ValueKind: JsonValueKind.Object } b ? StatementValues.ParsePence(Text(b, "Amount")) : null;
        if (pence is null or <= 0)
        {
            problems.Add($"transaction {n}: Amount.Amount must be an amount of money above zero, such as \"12.50\"");
            return null;
        }
        if (!string.Equals(currency, "GBP", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"transaction {n}: the currency is {currency ?? "missing"}; direct payment accounts are in pounds (GBP)");
            return null;
        }
        var indicator = Text(t, "CreditDebitIndicator");
        var sign = string.Equals(indicator, "Debit", StringComparison.OrdinalIgnoreCase) ? -1
            : string.Equals(indicator, "Credit", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (sign == 0)
        {
            problems.Add($"transaction {n}: CreditDebitIndicator must be Debit or Credit");
            return null;
        }
        var date = DateFrom(Text(t, "BookingDateTime"));
        if (date is null)
        {
            problems.Add($"transaction {n}: BookingDateTime must be a date and time such as 2026-03-14T10:30:00+00:00");
            return null;
        }
        var merchant = Prop(t, "MerchantDetails") is { ValueKind: JsonValueKind.Object } m ? Text(m, "MerchantName") : null;
        var description = Text(t, "TransactionInformation") ?? Text(t, "TransactionReference") ?? merchant ?? "";
        if (description.Length == 0)
        {
            problems.Add($"transaction {n}: TransactionInformation or MerchantDetails.MerchantName is needed to describe it");
            return null;
        }
        long? balance = null;
        if (Prop(t, "Balance") is { ValueKind: JsonValueKind.Object } bal && Prop(bal, "Amount") is { ValueKind: JsonValueKind.Object } ba
            && StatementValues.ParsePence(Text(ba, "Amount")) is { } bp)
        {
            balance = string.Equals(Text(bal, "CreditDebitIndicator"), "Debit", StringComparison.OrdinalIgnoreCase) ? -bp : bp;
        }
        return new StatementLine(n, null, date.Value, sign * pence.Value, Cut(description, 500)!, merchant, Cut(id.Trim(), 100), balance);
    }

    private static StatementLine? ReadSimple(JsonElement t, int n, List<string> problems)
    {
        var id = Text(t, "transactionId");
        var date = DateFrom(Text(t, "date"));
        var amountText = Prop(t, "amount") is { ValueKind: JsonValueKind.Number } num ? num.GetRawText() : Text(t, "amount");
        var pence = StatementValues.ParsePence(amountText);
        var description = Text(t, "description");
        var bad = false;
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add($"transaction {n}: transactionId is missing; it is how a transaction sent again is recognised");
            bad = true;
        }
        if (date is null)
        {
            problems.Add($"transaction {n}: date must be a date such as 2026-03-14");
            bad = true;
        }
        if (pence is null or 0)
        {
            problems.Add($"transaction {n}: amount must be an amount of money such as -12.50 (money out) or 100.00 (money in)");
            bad = true;
        }
        if (string.IsNullOrWhiteSpace(description))
        {
            problems.Add($"transaction {n}: description is missing");
            bad = true;
        }
        if (bad)
        {
            return null;
        }
        var balanceText = Prop(t, "balance") is { ValueKind: JsonValueKind.Number } bn ? bn.GetRawText() : Text(t, "balance");
        return new StatementLine(n, null, date!.Value, pence!.Value, Cut(description!.Trim(), 500)!, Text(t, "payee"), Cut(id!.Trim(), 100),
            StatementValues.ParsePence(balanceText));
    }

    private static JsonElement? Prop(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var p in e.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }
        return null;
    }

    private static string? Text(JsonElement e, string name) =>
        Prop(e, name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    private static DateOnly? DateFrom(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        // A booking date-time is read in its own offset's calendar day, as the provider's statement shows it.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? DateOnly.FromDateTime(at.DateTime) : null;
    }

    private static string? Cut(string? text, int max) => text is null ? null : text.Length > max ? text[..max] : text;
}
