using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;

namespace DirectPayments.Cli.Generation;

/// <summary>What <c>dp generate</c> makes: how many accounts over how many months, in how many councils, from which seed.</summary>
/// <param name="Accounts">Direct payment accounts to create (each with a person, an Active arrangement, a plan and a schedule).</param>
/// <param name="Months">Months of history up to <paramref name="AsOf"/>; at least 2, so every planted flag fits.</param>
/// <param name="Councils">Councils the accounts are spread over, round robin.</param>
/// <param name="Seed">The same seed always gives the same data, byte for byte.</param>
/// <param name="AsOf">The last day of history: the date the planted flags are planted for (monitoring's run date).</param>
public sealed record GenerateOptions(int Accounts, int Months, int Councils = 1, int Seed = 1, DateOnly AsOf = default)
{
    /// <summary>The run date used when none is given: fixed, so the data never depends on the clock.</summary>
    public static readonly DateOnly DefaultAsOf = new(2026, 10, 31);

    public DateOnly RunDate => AsOf == default ? DefaultAsOf : AsOf;

    /// <summary>The first day any account's history can start.</summary>
    public DateOnly HistoryStartsOn => RunDate.AddMonths(-Months).AddDays(1);

    /// <summary>Accounts planted per flag kind: one per 2,000 accounts, at least one.</summary>
    public int PlantedPerKind => Math.Max(1, Accounts / 2000);

    /// <summary>A plain-English reason the options cannot be used, or null when they are sound.</summary>
    public string? Problem() =>
        Accounts < 2 * Enum.GetValues<FlagKind>().Length ? $"Generate at least {2 * Enum.GetValues<FlagKind>().Length} accounts, so every kind of flag can be planted beside clean accounts."
        : Accounts > 5_000_000 ? "Generate at most 5,000,000 accounts."
        : Months is < 2 or > 60 ? "Generate between 2 and 60 months of history; planted flags need at least 2 months."
        : Councils < 1 || Councils > 99 || Councils > Accounts ? "Use between 1 and 99 councils, and no more councils than accounts."
        : null;
}

/// <summary>One generated ledger entry, before it is given a source record and written.</summary>
public readonly record struct SyntheticEntry(
    LedgerBook Debit, LedgerBook Credit, long AmountPence, DateOnly OccurredOn, EntrySource Source,
    string Description, string? Payee, CostCategory? Category, string? ExternalId);

/// <summary>
/// One generated account: who it belongs to, its schedule and, for a planted account, the one flag
/// it is built to raise on the run date. Everything follows from the seed and the account's index.
/// </summary>
public sealed class SyntheticAccount
{
    public int Index { get; init; }

    public int Council { get; init; }

    public Guid Id { get; init; }

    public Guid ArrangementId { get; init; }

    public Guid PersonId { get; init; }

    public Guid PlanId { get; init; }

    public Guid ScheduleId { get; init; }

    /// <summary>The card number statements show; unique across every council.</summary>
    public required string Reference { get; init; }

    public required string ArrangementReference { get; init; }

    public required string PersonReference { get; init; }

    public required string GivenName { get; init; }

    public required string FamilyName { get; init; }

    public required string AssistantName { get; init; }

    public DateOnly StartsOn { get; init; }

    public PaymentFrequency Frequency { get; init; }

    public PaymentBasis Basis { get; init; }

    public long WeeklyBudgetPence { get; init; }

    public long WeeklyContributionPence { get; init; }

    public long OneOffPence { get; init; }

    /// <summary>The flag this account is built to raise, and no other; null for a clean account.</summary>
    public FlagKind? Planted { get; init; }

    /// <summary>True when one of its periods holds two identical purchases on one day (both genuine).</summary>
    public bool HasTwin { get; init; }

    /// <summary>Thousandths of each period's money in that is spent (985 to 995 for a clean account).</summary>
    public int SpendPerMille { get; init; }

    internal ulong Stream { get; init; }
}

/// <summary>
/// The generator behind <c>dp generate</c> and the benchmarks: deterministic synthetic accounts and
/// their ledger entries, with flags planted per the exact monitoring definitions (docs/money.md) and
/// clear margins so that clean accounts raise none.
/// </summary>
public static class SyntheticPlan
{
    /// <summary>The plan's cost categories for every generated account; Equipment and Other are never in a plan.</summary>
    public static readonly IReadOnlyList<CostCategory> PlanCategories =
        [CostCategory.PersonalAssistant, CostCategory.Agency, CostCategory.Activities, CostCategory.Transport];

    /// <summary>The small purchases of each period: day offset, payee, category (null: uncategorised).</summary>
    private static readonly (int Offset, string Payee, CostCategory? Category)[] Purchases =
    [
        (2, "CITY LEISURE CENTRE", CostCategory.Activities),
        (6, "STAR TAXIS", CostCategory.Transport),
        (13, "COMMUNITY ARTS CLUB", CostCategory.Activities),
        (16, "AMAZON MARKETPLACE", null),
        (20, "COUNTY BUSES", CostCategory.Transport),
    ];

    private static readonly string[] GivenNames = ["Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur", "Ivy", "Leo", "Freya", "Oscar", "Lily", "Harry", "Rosie", "Jack"];

    private static readonly string[] FamilyNames = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts"];

    /// <summary>The accounts, in index order; planted accounts are spread evenly through them.</summary>
    public static IReadOnlyList<SyntheticAccount> Accounts(GenerateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kinds = Enum.GetValues<FlagKind>();
        var planted = new Dictionary<int, FlagKind>();
        var total = options.PlantedPerKind * kinds.Length;
        var step = options.Accounts / total;
        for (var i = 0; i < total; i++)
        {
            planted[(i * step) + (step / 2)] = kinds[i % kinds.Length];
        }
        var list = new List<SyntheticAccount>(options.Accounts);
        for (var i = 0; i < options.Accounts; i++)
        {
            list.Add(Make(options, i, planted.TryGetValue(i, out var kind) ? kind : null));
        }
        return list;
    }

    /// <summary>A deterministic id for one record: the same seed, kind and number always give the same id.</summary>
    public static Guid IdFor(int seed, int kind, long number)
    {
        var rng = new SplitMix(unchecked(((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)kind << 40) ^ (ulong)number));
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, rng.Next());
        BitConverter.TryWriteBytes(bytes[8..], rng.Next());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static SyntheticAccount Make(GenerateOptions options, int index, FlagKind? planted)
    {
        var stream = unchecked(((ulong)(uint)options.Seed << 32) ^ (ulong)index ^ 0xA5A5_0000_0000_0000UL);
        var rng = new SplitMix(stream);
        // £300 to £1,200 a week: large enough that every margin below is at least tens of pounds.
        var weekly = 30_000 + (long)rng.Below(90_001);
        var gross = rng.Below(10) == 0;
        var contributes = rng.Below(2) == 0 || planted == FlagKind.ContributionsNotPaid;
        var contribution = contributes ? weekly * (5 + (long)rng.Below(16)) / 100 : 0;
        if (planted == FlagKind.ContributionsNotPaid)
        {
            // Fixed at 15%, so three missed periods leave clear margins on every other flag.
            contribution = weekly * 15 / 100;
        }
        var startOffset = planted is null ? (int)rng.Below(28) : 0;
        var startsOn = planted == FlagKind.NoSpendingSinceSetUp ? options.RunDate.AddDays(-47) : options.HistoryStartsOn.AddDays(startOffset);
        // A clean account keeps two weeks' budget in hand, so it never looks like running out.
        var oneOff = planted switch
        {
            FlagKind.BalanceAboveContingency => 12 * weekly,
            FlagKind.ProjectedToRunOut => 0,
            FlagKind.NoSpendingSinceSetUp => 0,
            FlagKind.ContributionsNotPaid => 4 * weekly,
            FlagKind.SpendingOutsidePlan => (2 * weekly) + OutsidePlanPence,
            FlagKind.PossibleDuplicatePayment => (2 * weekly) + (2 * DuplicatePence),
            null => 2 * weekly,
            _ => 2 * weekly,
        };
        var given = GivenNames[rng.Below((ulong)GivenNames.Length)];
        var family = FamilyNames[rng.Below((ulong)FamilyNames.Length)];
        var assistant = $"{(char)('A' + (int)rng.Below(26))} {FamilyNames[rng.Below((ulong)FamilyNames.Length)].ToUpperInvariant()}";
        var spend = 985 + (int)rng.Below(11);
        // Every 40th account (not a planted one) has identical twin purchases on one day.
        var twin = planted is null && index % 40 == 3;
        return new SyntheticAccount
        {
            Index = index,
            Council = index % options.Councils,
            Id = IdFor(options.Seed, 1, index),
            ArrangementId = IdFor(options.Seed, 2, index),
            PersonId = IdFor(options.Seed, 3, index),
            PlanId = IdFor(options.Seed, 4, index),
            ScheduleId = IdFor(options.Seed, 5, index),
            Reference = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"6759{options.Seed % 100:D2}{index:D10}"),
            ArrangementReference = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"DP-G{index:D7}"),
            PersonReference = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"GEN-{index:D7}"),
            GivenName = given,
            FamilyName = family,
            AssistantName = assistant,
            StartsOn = startsOn,
            Frequency = planted == FlagKind.NoSpendingSinceSetUp ? PaymentFrequency.Weekly : PaymentFrequency.FourWeekly,
            Basis = gross && planted != FlagKind.ContributionsNotPaid ? PaymentBasis.Gross : PaymentBasis.Net,
            WeeklyBudgetPence = weekly,
            WeeklyContributionPence = planted == FlagKind.NoSpendingSinceSetUp ? 0 : contribution,
            OneOffPence = oneOff,
            Planted = planted,
            HasTwin = twin,
            SpendPerMille = spend,
            Stream = stream,
        };
    }

    /// <summary>Spending outside the plan planted: £150.00 and £175.00 of equipment, 40 and 33 days before the run date.</summary>
    public const long OutsidePlanPence = 15_000 + 17_500;

    /// <summary>The invoice paid twice, 10 and 7 days before the run date.</summary>
    public const long DuplicatePence = 2 * 12_500;

    /// <summary>The planted unexpected bill 3 days before the run date: three weeks' budget.</summary>
    public const int RunOutWeeks = 3;

    /// <summary>
    /// Every ledger entry of one account dated from <paramref name="from"/> to <paramref name="to"/>,
    /// in date order. Each 28-day period repeats the same pattern, so any 28 days hold exactly one
    /// period's spending.
    /// </summary>
    public static List<SyntheticEntry> Entries(SyntheticAccount account, DateOnly from, DateOnly to, DateOnly runDate)
    {
        ArgumentNullException.ThrowIfNull(account);
        var list = new List<SyntheticEntry>(256);
        var weekly = account.WeeklyBudgetPence;
        var contribution = account.WeeklyContributionPence;
        void Add(DateOnly on, LedgerBook debit, LedgerBook credit, long pence, EntrySource source, string description, string? payee, CostCategory? category)
        {
            if (on >= from && on <= to && on >= account.StartsOn)
            {
                list.Add(new SyntheticEntry(debit, credit, pence, on, source, description, payee, category, null));
            }
        }

        if (account.Planted == FlagKind.NoSpendingSinceSetUp)
        {
            // Weekly payments, nothing ever spent: 7 payments by the run date, so 7 weeks in hand (not above 8).
            var seq = 1;
            for (var due = account.StartsOn; due <= to; due = due.AddDays(7), seq++)
            {
                Add(due, LedgerBook.Wallet, LedgerBook.Council, weekly, EntrySource.PaymentRun, PaymentText(account, seq), "COUNCIL DIRECT PAYMENTS", null);
            }
            return list;
        }

        var income = 4 * weekly;
        var spend = income * account.SpendPerMille / 1000;
        // Fixed parts of each period, the same every period.
        var rng = new SplitMix(account.Stream ^ 0x5EED_0000_0000_0001UL);
        const long admin = 1_500;
        var cash = 2_000 + (long)rng.Below(41) * 100;
        var purchases = new long[Purchases.Length];
        for (var i = 0; i < purchases.Length; i++)
        {
            purchases[i] = 800 + (long)rng.Below(3_701);
        }
        var rest = spend - admin - cash - purchases.Sum();
        var agency = rest / 4;
        var wages = rest - agency;
        // Four different weekly wages (hours vary), so no two wages a week apart are equal.
        var baseWage = wages / 4;
        long[] wage = [baseWage - 150, baseWage - 50, baseWage + 50, 0];
        wage[3] = wages - wage[0] - wage[1] - wage[2];

        var twinPeriod = -1;
        if (account.HasTwin)
        {
            // The twin pair falls in the second-to-last whole period before the run date.
            var periods = (runDate.DayNumber - account.StartsOn.DayNumber) / 28;
            twinPeriod = Math.Max(0, periods - 1);
        }
        var missedFrom = account.Planted == FlagKind.ContributionsNotPaid
            ? ((runDate.DayNumber - account.StartsOn.DayNumber) / 28) - 2
            : int.MaxValue;

        for (var k = 0; ; k++)
        {
            var due = account.StartsOn.AddDays(28 * k);
            if (due > to)
            {
                break;
            }
            var councilPays = account.Basis == PaymentBasis.Net ? income - (4 * contribution) : income;
            Add(due, LedgerBook.Wallet, LedgerBook.Council, councilPays, EntrySource.PaymentRun, PaymentText(account, k + 1), "COUNCIL DIRECT PAYMENTS", null);
            if (k == 0 && account.OneOffPence > 0)
            {
                Add(due, LedgerBook.Wallet, LedgerBook.Council, account.OneOffPence, EntrySource.PaymentRun, PaymentText(account, 0), "COUNCIL DIRECT PAYMENTS", null);
            }
            if (contribution > 0 && k < missedFrom)
            {
                if (account.Basis == PaymentBasis.Net)
                {
                    Add(due, LedgerBook.Wallet, LedgerBook.Person, 4 * contribution, EntrySource.Statement,
                        $"STANDING ORDER {account.FamilyName.ToUpperInvariant()} CONTRIBUTION", $"{account.GivenName[0]} {account.FamilyName.ToUpperInvariant()}", null);
                }
                else
                {
                    Add(due, LedgerBook.Council, LedgerBook.Person, 4 * contribution, EntrySource.Contribution,
                        "CONTRIBUTION RECEIVED BY THE COUNCIL", $"{account.GivenName[0]} {account.FamilyName.ToUpperInvariant()}", null);
                }
            }
            Add(due.AddDays(1), LedgerBook.Spending, LedgerBook.Wallet, admin, EntrySource.Statement, "DD PAYROLL SERVICE FEE", "PAYROLL SERVICES LTD", CostCategory.Administration);
            for (var w = 0; w < 4; w++)
            {
                Add(due.AddDays(4 + (7 * w)), LedgerBook.Spending, LedgerBook.Wallet, wage[w], EntrySource.Statement,
                    $"FASTER PAYMENT {account.AssistantName} WAGES", account.AssistantName, CostCategory.PersonalAssistant);
            }
            Add(due.AddDays(9), LedgerBook.Spending, LedgerBook.Wallet, agency, EntrySource.Statement, "BRIGHT CARE LTD INVOICE", "BRIGHT CARE LTD", CostCategory.Agency);
            Add(due.AddDays(14), LedgerBook.Cash, LedgerBook.Wallet, cash, EntrySource.Statement, "CASH ATM HIGH STREET", null, null);
            for (var i = 0; i < Purchases.Length; i++)
            {
                var (offset, payee, category) = Purchases[i];
                Add(due.AddDays(offset), LedgerBook.Spending, LedgerBook.Wallet, purchases[i], EntrySource.Statement, $"CARD PURCHASE {payee}", payee, category);
                if (k == twinPeriod && i == 0)
                {
                    // Two genuine identical purchases on one day: both must be kept.
                    Add(due.AddDays(offset), LedgerBook.Spending, LedgerBook.Wallet, purchases[i], EntrySource.Statement, $"CARD PURCHASE {payee}", payee, category);
                }
            }
        }

        switch (account.Planted)
        {
            case FlagKind.ProjectedToRunOut:
                Add(runDate.AddDays(-3), LedgerBook.Spending, LedgerBook.Wallet, RunOutWeeks * weekly, EntrySource.Statement,
                    $"FASTER PAYMENT {account.AssistantName} BACK PAY", $"{account.AssistantName} BACK PAY", CostCategory.PersonalAssistant);
                break;
            case FlagKind.SpendingOutsidePlan:
                Add(runDate.AddDays(-40), LedgerBook.Spending, LedgerBook.Wallet, 15_000, EntrySource.Statement, "CARD PURCHASE MOBILITY AIDS DIRECT", "MOBILITY AIDS DIRECT", CostCategory.Equipment);
                Add(runDate.AddDays(-33), LedgerBook.Spending, LedgerBook.Wallet, 17_500, EntrySource.Statement, "CARD PURCHASE HOME LIVING STORE", "HOME LIVING STORE", CostCategory.Equipment);
                break;
            case FlagKind.PossibleDuplicatePayment:
                Add(runDate.AddDays(-10), LedgerBook.Spending, LedgerBook.Wallet, 12_500, EntrySource.Statement, "HOMECARE PLUS LTD INVOICE 4471", "HOMECARE PLUS LTD", CostCategory.Agency);
                Add(runDate.AddDays(-7), LedgerBook.Spending, LedgerBook.Wallet, 12_500, EntrySource.Statement, "HOMECARE PLUS LTD INVOICE 4471", "HOMECARE PLUS LTD", CostCategory.Agency);
                break;
            case FlagKind.BalanceAboveContingency:
            case FlagKind.NoSpendingSinceSetUp:
            case FlagKind.ContributionsNotPaid:
            case null:
                break;
        }
        // A stable sort, then the provider's transaction ids: account, day and the line's place in the day.
        var sorted = list.OrderBy(e => e.OccurredOn).ToList();
        var day = DateOnly.MinValue;
        var n = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            var e = sorted[i];
            n = e.OccurredOn == day ? n + 1 : 1;
            day = e.OccurredOn;
            if (e.Source == EntrySource.Statement)
            {
                sorted[i] = e with { ExternalId = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"T{account.Index:D8}{e.OccurredOn.DayNumber:D6}{n:D2}") };
            }
        }
        return sorted;
    }

    private static string PaymentText(SyntheticAccount account, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{account.ArrangementReference} {sequence:D4}");
}

/// <summary>SplitMix64: a tiny, fast generator whose output depends only on its seed, on every platform and runtime.</summary>
internal struct SplitMix(ulong state)
{
    private ulong _state = state;

    public ulong Next()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A number from 0 to <paramref name="bound"/> - 1.</summary>
    public ulong Below(ulong bound) => Next() % bound;
}
