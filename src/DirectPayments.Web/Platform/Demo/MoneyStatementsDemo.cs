using System.Globalization;
using System.Text;
using DirectPayments.Data;
using DirectPayments.Domain;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Features.Finance.Import;
using DirectPayments.Web.Features.Journey;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Platform.Demo;

/// <summary>
/// Demo statement data (issue #4): a handful of category rules, and Amara's card statement from her
/// first payment to three days ago, imported through the real importer with the card-provider
/// layout: her personal assistant's wages, taxi rides, a payroll service fee, one agency invoice (the
/// plan does not include an agency, so monitoring opens a conversation about it), two genuine
/// identical bus fares on one day, a cash withdrawal and one purchase no rule sorts. No council
/// payments or contributions: the payment run demo adds those.
/// </summary>
public sealed class MoneyStatementsDemo(DpDbContext db, StatementImporter importer, TimeProvider clock)
{
    /// <summary>The demo file's name, so tests can find its import.</summary>
    public const string FileName = "exampleshire-cards-demo.csv";

    /// <summary>The demo council's own column map.</summary>
    public const string MapName = "Northbank export";

    public static readonly IReadOnlyList<(string Contains, CostCategory Category)> Rules =
    [
        ("TAXI", CostCategory.Transport),
        ("BUS FARE", CostCategory.Transport),
        ("PA WAGES", CostCategory.PersonalAssistant),
        ("BRIGHTCARE", CostCategory.Agency),
        ("PAYROLL SERVICE", CostCategory.Administration),
        ("CINEMA", CostCategory.Activities),
    ];

    public async Task SeedAsync(Guid councilId, Person amara, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(amara);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (contains, category) in Rules)
        {
            db.CategoryRules.Add(new CategoryRule
            {
                Id = Guid.CreateVersion7(), CouncilId = councilId, Contains = contains, Category = category, CreatedAt = now, CreatedByName = "Demo data",
            });
        }
        // A council's own layout, as a FinanceOfficer would add it for a bank's export.
        db.ColumnMaps.Add(new ColumnMap
        {
            Id = Guid.CreateVersion7(), CouncilId = councilId, Name = MapName, Description = "Northbank business account export (one account)",
            Delimiter = ',', DateFormat = "dd MMM yyyy", DateColumn = "Posted", DescriptionColumn = "Narrative", DebitColumn = "Paid out",
            CreditColumn = "Paid in", BalanceColumn = "Balance", CreatedAt = now, CreatedByName = "Demo data",
        });
        await db.SaveChangesAsync(ct);
        var account = await db.DpAccounts.AsNoTracking().Where(a => a.PersonId == amara.Id && a.ClosedOn == null).FirstOrDefaultAsync(ct);
        if (account is null)
        {
            return;
        }
        var csv = Statement(account.Reference, clock.TodayInEngland(), account.OpenedOn);
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var outcome = await importer.ImportAsync(new ImportRequest(content, FileName, "card-provider", null, ImportChannel.Cli, new Who(null, "Demo data")), ct);
        if (!outcome.Accepted)
        {
            throw new InvalidOperationException("The demo statement was not accepted: " + string.Join("; ", outcome.ProblemsForDisplay));
        }
    }

    /// <summary>The demo statement: from the day after the first payment to three days ago, oldest first.</summary>
    public static string Statement(string card, DateOnly today, DateOnly firstPayment)
    {
        var lines = new List<(DateOnly On, string Description, string Merchant, long Pence)>();
        var start = firstPayment.AddDays(1);
        for (var week = 0; start.AddDays(week * 7) < today; week++)
        {
            var monday = start.AddDays(week * 7);
            if (week % 2 == 1)
            {
                lines.Add((monday, "PA WAGES J SMITH FPS", "J SMITH", -31_200));
            }
            lines.Add((monday.AddDays(2), "NORTHAM TAXI CO", "NORTHAM TAXIS", -1_450));
            if (week % 4 == 1)
            {
                lines.Add((monday.AddDays(3), "SHIRE PAYROLL SERVICE FEE", "SHIRE PAYROLL", -1_800));
            }
        }
        lines.Add((start.AddDays(4), "BRIGHTCARE AGENCY LTD INV", "BRIGHTCARE", -12_000));
        // Two genuine identical bus fares on one day: both are kept.
        var busDay = Later(start, today.AddDays(-20));
        lines.Add((busDay, "STAGECOACH BUS FARE", "STAGECOACH", -250));
        lines.Add((busDay, "STAGECOACH BUS FARE", "STAGECOACH", -250));
        lines.Add((Later(start, today.AddDays(-30)), "ATM CASH NORTHAM HIGH ST", "ATM", -4_000));
        lines.Add((Later(start, today.AddDays(-12)), "ONLINE MARKETPLACE ORDER 4471", "ONLINE MARKETPLACE", -2_399));
        lines.Add((Later(start, today.AddDays(-9)), "NORTHAM CINEMA", "NORTHAM CINEMA", -1_100));
        var builder = new StringBuilder("Transaction ID,Date,Card Reference,Description,Merchant,Amount,Balance\n");
        var n = 0;
        foreach (var (on, description, merchant, pence) in lines.Where(l => l.On < today.AddDays(-2)).OrderBy(l => l.On))
        {
            n++;
            builder.Append(CultureInfo.InvariantCulture, $"DEMO-{n:D5},{on:dd/MM/yyyy},{card},{description},{merchant},{new Money(pence).Pounds.ToString("0.00", CultureInfo.InvariantCulture)},\n");
        }
        return builder.ToString();
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
