using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Finance.Payments;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Journey;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DirectPayments.Web.Features.Finance.Payments;

/// <summary>A payment the run will make: one due payment of one arrangement, with the details the files need.</summary>
public sealed record RunLine(Guid ArrangementId, Guid AccountId, Guid ScheduleId, Guid PersonId, PaymentKind Kind, DateOnly DueOn, DateOnly PeriodEndsOn,
    Money Amount, string PaymentReference, string ArrangementReference, string PersonReference, string PayeeName, PaymentMethod AccountKind,
    string? SortCode, string? AccountNumber);

/// <summary>An arrangement whose payments are held, with why.</summary>
public sealed record HeldArrangement(Guid ArrangementId, string ArrangementReference, string PersonName, string Reason, int Payments, Money Amount);

/// <summary>An account left out of the run until its bank details are recorded.</summary>
public sealed record AccountProblem(Guid AccountId, Guid ArrangementId, string ArrangementReference, string PersonName, string Problem, int Payments, Money Amount);

/// <summary>What a run paying on a date would contain, worked out afresh from the schedules and what has been paid.</summary>
public sealed record RunPlan(DateOnly PayOn, IReadOnlyList<RunLine> Lines, IReadOnlyList<HeldArrangement> Held, IReadOnlyList<AccountProblem> Problems)
{
    public Money Total => Money.Sum(Lines.Select(l => l.Amount));
}

/// <summary>The answer to a confirm: the run, or a plain-English reason nothing was paid.</summary>
public sealed record ConfirmOutcome(PaymentRun? Run, string? Refusal, string Code = "")
{
    public static ConfirmOutcome Refused(string code, string message) => new(null, message, code);
}

/// <summary>
/// Payment runs (issue #4, item 2): work out every payment due on or before a pay-on date that has not been
/// paid, show it as a draft for checking, and on confirmation record the lines and post Council to Wallet
/// entries in one transaction. A payment is unique per arrangement, due date and kind (a unique index), and
/// the draft becomes confirmed by a conditional update, so confirming twice or two people confirming at
/// once never pays twice.
/// </summary>
public sealed class PaymentRuns(DpDbContext db, MoneyActions money, IOptions<PaymentSettings> settings)
{
    /// <summary>The earliest pay-on date allowed: a week ago, for a run made late.</summary>
    public const int MostDaysInThePast = 7;

    /// <summary>The latest pay-on date allowed.</summary>
    public const int MostDaysAhead = 35;

    /// <summary>Checks a pay-on date; null means it is allowed.</summary>
    public static string? CheckPayOn(DateOnly? payOn, DateOnly today) => payOn switch
    {
        null => "Enter the date the payments will be made",
        { } d when d < today.AddDays(-MostDaysInThePast) => $"The pay-on date must be no more than {MostDaysInThePast} days ago",
        { } d when d > today.AddDays(MostDaysAhead) => $"The pay-on date must be no more than {MostDaysAhead} days from today",
        _ => null,
    };

    /// <summary>Every payment due on or before <paramref name="payOn"/> and not yet paid, with the held and problem lists.</summary>
    public async Task<RunPlan> PlanAsync(DateOnly payOn)
    {
        var arrangements = await db.Arrangements.AsNoTracking()
            .Where(a => a.Stage == Stage.Active || a.Stage == Stage.Suspended)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new { a.Id, a.Reference, a.Stage, a.SuspendedReason, PersonId = p.Id, PersonReference = p.Reference, p.GivenName, p.FamilyName })
            .ToListAsync();
        var ids = arrangements.Select(a => a.Id).ToList();
        var schedules = (await db.PaymentSchedules.AsNoTracking().Where(s => ids.Contains(s.ArrangementId)).ToListAsync())
            .ToLookup(s => s.ArrangementId);
        var accounts = (await db.DpAccounts.AsNoTracking().Where(a => ids.Contains(a.ArrangementId) && a.ClosedOn == null).ToListAsync())
            .GroupBy(a => a.ArrangementId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.OpenedOn).First());
        var paid = (await db.PaymentRunLines.AsNoTracking().Where(l => ids.Contains(l.ArrangementId) && l.DueOn <= payOn)
            .Select(l => new { l.ArrangementId, l.DueOn, l.Kind }).ToListAsync())
            .Select(l => (l.ArrangementId, l.DueOn, l.Kind)).ToHashSet();

        var lines = new List<RunLine>();
        var held = new List<HeldArrangement>();
        var problems = new List<AccountProblem>();
        foreach (var a in arrangements.OrderBy(a => a.FamilyName).ThenBy(a => a.GivenName).ThenBy(a => a.Reference))
        {
            if (!accounts.TryGetValue(a.Id, out var account))
            {
                continue;
            }
            var all = PaymentRules.PaymentsDue(schedules[a.Id], payOn);
            var unpaid = all.Select((d, i) => (Due: d, Sequence: i + 1)).Where(x => !paid.Contains((a.Id, x.Due.DueOn, x.Due.Kind))).ToList();
            if (unpaid.Count == 0)
            {
                continue;
            }
            var name = $"{a.GivenName} {a.FamilyName}";
            var amount = Money.Sum(unpaid.Select(u => u.Due.Amount));
            if (a.Stage == Stage.Suspended)
            {
                held.Add(new HeldArrangement(a.Id, a.Reference, name, a.SuspendedReason ?? "The direct payment is paused", unpaid.Count, amount));
                continue;
            }
            if (account.Kind != PaymentMethod.VirtualWallet && !(BankDetails.IsSortCode(account.SortCode) && BankDetails.IsAccountNumber(account.AccountNumber)))
            {
                problems.Add(new AccountProblem(account.Id, a.Id, a.Reference, name,
                    "No bank details: record the sort code and account number to include these payments", unpaid.Count, amount));
                continue;
            }
            lines.AddRange(unpaid.Select(u => new RunLine(a.Id, account.Id, u.Due.ScheduleId, a.PersonId, u.Due.Kind, u.Due.DueOn, u.Due.PeriodEndsOn, u.Due.Amount,
                PaymentRules.PaymentReference(a.Reference, u.Sequence), a.Reference, a.PersonReference, account.HolderName, account.Kind,
                account.SortCode, account.AccountNumber)));
        }
        return new RunPlan(payOn, lines, held, problems);
    }

    /// <summary>Saves a draft run for checking: nothing is paid until it is confirmed.</summary>
    public async Task<PaymentRun> CreateDraftAsync(DateOnly payOn, Who who, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(who);
        var plan = await PlanAsync(payOn);
        var councilId = db.Actor.CouncilId ?? throw new InvalidOperationException("A payment run needs a council.");
        for (var attempt = 1; ; attempt++)
        {
            var count = await db.PaymentRuns.CountAsync();
            var run = new PaymentRun
            {
                Id = money.NewId(),
                CouncilId = councilId,
                Reference = string.Create(CultureInfo.InvariantCulture, $"PR-{count + attempt:D6}"),
                PayOn = payOn,
                Status = PaymentRunStatus.Draft,
                LineCount = plan.Lines.Count,
                TotalPence = plan.Total.Pence,
                IdempotencyKey = idempotencyKey,
                CreatedByUserId = who.UserId,
                CreatedByName = who.Name,
                CreatedAt = money.Now,
            };
            db.PaymentRuns.Add(run);
            db.Actor.Reason = "Payment run worked out for checking";
            try
            {
                await db.SaveChangesAsync();
                return run;
            }
            catch (DbUpdateException) when (attempt < 3 && idempotencyKey is null)
            {
                // Two people started a run at the same moment and took the same reference: take the next one.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Confirms a draft: records each line and posts Council to Wallet entries with one audit entry, in one
    /// transaction with the status change. When <paramref name="expectedLines"/> and <paramref name="expectedTotal"/>
    /// are given (what the person checked), a run whose payments have changed since is refused, not paid.
    /// </summary>
    public async Task<ConfirmOutcome> ConfirmAsync(Guid runId, Who who, int? expectedLines = null, Money? expectedTotal = null)
    {
        ArgumentNullException.ThrowIfNull(who);
        var run = await db.PaymentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId);
        if (run is null)
        {
            return ConfirmOutcome.Refused("not-found", "Payment run not found");
        }
        if (run.Status == PaymentRunStatus.Confirmed)
        {
            return ConfirmOutcome.Refused("already-confirmed", $"Payment run {run.Reference} has already been confirmed. Nothing was paid twice");
        }
        var plan = await PlanAsync(run.PayOn);
        if (plan.Lines.Count == 0)
        {
            return ConfirmOutcome.Refused("nothing-to-pay", "There are no payments to make in this run. Nothing was confirmed");
        }
        if ((expectedLines is { } n && n != plan.Lines.Count) || (expectedTotal is { } t && t != plan.Total))
        {
            return ConfirmOutcome.Refused("changed", "The payments due have changed since you checked them (another run may have paid some). Check the payments below again, then confirm");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = money.Now;
        // The conditional update is the concurrency check: of two confirms at once, only one finds the run still a draft.
        var claimed = await db.PaymentRuns.Where(r => r.Id == runId && r.Status == PaymentRunStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, PaymentRunStatus.Confirmed).SetProperty(r => r.ConfirmedAt, now)
                .SetProperty(r => r.LineCount, plan.Lines.Count).SetProperty(r => r.TotalPence, plan.Total.Pence));
        if (claimed == 0)
        {
            await transaction.RollbackAsync();
            return ConfirmOutcome.Refused("already-confirmed", $"Payment run {run.Reference} has already been confirmed. Nothing was paid twice");
        }
        var entries = new List<LedgerEntry>();
        var number = 0;
        foreach (var line in plan.Lines)
        {
            number++;
            db.PaymentRunLines.Add(new PaymentRunLine
            {
                Id = money.NewId(),
                CouncilId = run.CouncilId,
                RunId = run.Id,
                LineNumber = number,
                ArrangementId = line.ArrangementId,
                AccountId = line.AccountId,
                ScheduleId = line.ScheduleId,
                Kind = line.Kind,
                DueOn = line.DueOn,
                PeriodEndsOn = line.PeriodEndsOn,
                AmountPence = line.Amount.Pence,
                PaymentReference = line.PaymentReference,
            });
            entries.Add(new LedgerEntry
            {
                CouncilId = run.CouncilId,
                AccountId = line.AccountId,
                Debit = LedgerBook.Wallet,
                Credit = LedgerBook.Council,
                AmountPence = line.Amount.Pence,
                OccurredOn = run.PayOn,
                Source = EntrySource.PaymentRun,
                SourceId = run.Id,
                LineNumber = number,
                Description = line.Kind == PaymentKind.OneOff ? $"One-off payment {line.PaymentReference}" : $"Payment {line.PaymentReference}",
                Payee = "Council",
                RecordedAt = now,
            });
        }
        db.Actor.Reason = $"Payment run {run.Reference} confirmed by {who.Name}";
        money.Post(entries, "payment-run.confirmed", nameof(PaymentRun), run.Id.ToString(), null);
        try
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateException)
        {
            // The unique index on (arrangement, due date, kind) refused a payment another run made meanwhile.
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return ConfirmOutcome.Refused("paid-meanwhile", "Some of these payments were paid by another run while you were confirming. Nothing in this run was paid. Check the payments again, then confirm");
        }
        var confirmed = await db.PaymentRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
        return new ConfirmOutcome(confirmed, null);
    }

    /// <summary>A confirmed run's lines as the payment files show them, in line order.</summary>
    public async Task<IReadOnlyList<PaymentFileLine>> FileLinesAsync(PaymentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = await db.PaymentRunLines.AsNoTracking().Where(l => l.RunId == run.Id)
            .Join(db.DpAccounts, l => l.AccountId, a => a.Id, (l, a) => new { l, a })
            .Join(db.Arrangements, x => x.l.ArrangementId, r => r.Id, (x, r) => new { x.l, x.a, ArrangementReference = r.Reference, r.PersonId })
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new { x.l, x.a, x.ArrangementReference, PersonReference = p.Reference })
            .OrderBy(x => x.l.LineNumber)
            .ToListAsync();
        return [.. rows.Select(x => new PaymentFileLine(x.l.LineNumber, x.l.PaymentReference, run.PayOn, x.a.HolderName, x.a.SortCode, x.a.AccountNumber,
            x.l.AmountPence, x.ArrangementReference, x.PersonReference, x.l.DueOn, x.l.PeriodEndsOn, x.l.Kind))];
    }

    /// <summary>The CSV for the council's finance system: UTF-8 with a header row, RFC 4180 quoting, formulas escaped.</summary>
    public static byte[] Csv(IEnumerable<PaymentFileLine> lines)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // A cell starting with =, +, - or @ would run as a formula in a spreadsheet: it gets a leading apostrophe.
            InjectionOptions = InjectionOptions.Escape,
            NewLine = "\r\n",
        };
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, config))
        {
            foreach (var column in PaymentCsv.Columns)
            {
                csv.WriteField(column);
            }
            csv.NextRecord();
            foreach (var line in lines)
            {
                foreach (var value in PaymentCsv.Values(line))
                {
                    csv.WriteField(value);
                }
                csv.NextRecord();
            }
        }
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    /// <summary>
    /// The Bacs Standard 18 file: the bank payments only (a virtual wallet's payment moves within the council's
    /// own books, so it has no Bacs record). Refused as a whole when any line's bank details are missing.
    /// </summary>
    public async Task<PaymentFileOutcome> BacsAsync(PaymentRun run, IEnumerable<PaymentFileLine> lines)
    {
        ArgumentNullException.ThrowIfNull(run);
        var slug = await db.Councils.AsNoTracking().Where(c => c.Id == run.CouncilId).Select(c => c.Slug).SingleAsync();
        var wallets = await db.PaymentRunLines.AsNoTracking().Where(l => l.RunId == run.Id)
            .Join(db.DpAccounts, l => l.AccountId, a => a.Id, (l, a) => new { l.LineNumber, a.Kind })
            .Where(x => x.Kind == PaymentMethod.VirtualWallet).Select(x => x.LineNumber).ToListAsync();
        return BacsStandard18.Write(settings.Value.OriginatorFor(slug), lines.Where(l => !wallets.Contains(l.LineNumber)));
    }
}
