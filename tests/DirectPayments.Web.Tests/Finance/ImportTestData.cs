using System.Text;
using DirectPayments.Domain.Finance;
using DirectPayments.Testing;
using DirectPayments.Web.Features.Finance.Import;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DirectPayments.Web.Tests.Finance;

/// <summary>Helpers shared by the statement import tests: a fresh account to import into, and running the importer.</summary>
internal static class ImportTestData
{
    public const string CardHeader = "Transaction ID,Date,Card Reference,Description,Merchant,Amount,Balance";

    public static async Task<Guid> ExampleshireAsync(TestApp app)
    {
        var (scope, db) = app.OpenDatabase();
        using (scope)
        {
            return await db.Councils.Where(c => c.Slug == DemoSeeder.CouncilSlug).Select(c => c.Id).SingleAsync();
        }
    }

    /// <summary>A new direct payment account (on Amara's arrangement) with a unique reference, so each test starts from an empty ledger.</summary>
    public static async Task<(Guid Id, string Reference)> NewAccountAsync(TestApp app)
    {
        var council = await ExampleshireAsync(app);
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            var amara = await db.DpAccounts.AsNoTracking().FirstAsync(a => a.HolderName == "Amara Okafor");
            var account = new DpAccount
            {
                Id = Guid.NewGuid(), ArrangementId = amara.ArrangementId, PersonId = amara.PersonId, Kind = amara.Kind,
                Reference = "T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), HolderName = "Test holder",
                OpenedOn = new DateOnly(2026, 1, 1),
            };
            db.DpAccounts.Add(account);
            await db.SaveChangesAsync();
            return (account.Id, account.Reference);
        }
    }

    public static async Task<ImportOutcome> ImportAsync(TestApp app, string csv, string map = "card-provider", Guid? account = null,
        string fileName = "test.csv", Encoding? encoding = null)
    {
        var bytes = (encoding ?? new UTF8Encoding(false)).GetBytes(csv);
        return await ImportBytesAsync(app, bytes, map, account, fileName);
    }

    public static async Task<ImportOutcome> ImportBytesAsync(TestApp app, byte[] bytes, string map = "card-provider", Guid? account = null, string fileName = "test.csv")
    {
        var council = await ExampleshireAsync(app);
        var (scope, _) = app.OpenDatabase(council);
        using (scope)
        {
            var importer = scope.ServiceProvider.GetRequiredService<StatementImporter>();
            using var stream = new MemoryStream(bytes);
            return await importer.ImportAsync(new ImportRequest(stream, fileName, map, account, ImportChannel.Cli, new Who(null, "Test")), CancellationToken.None);
        }
    }

    public static async Task<List<LedgerEntry>> EntriesAsync(TestApp app, Guid accountId)
    {
        var council = await ExampleshireAsync(app);
        var (scope, db) = app.OpenDatabase(council);
        using (scope)
        {
            return await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == accountId).OrderBy(e => e.Id).ToListAsync();
        }
    }

    public static async Task<long> WalletAsync(TestApp app, Guid accountId) =>
        LedgerRules.Balance(await EntriesAsync(app, accountId), LedgerBook.Wallet).Pence;

    /// <summary>A stream of <paramref name="length"/> bytes made on demand (a CSV header then filler lines), never held in memory.</summary>
    public sealed class LazyStream(long length) : Stream
    {
        private static readonly byte[] Line = Encoding.ASCII.GetBytes("X1,01/02/2026,T-1,FILLER LINE,FILLER,-1.00,\n");
        private long _position;

        public long BytesRead => _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = Line[(_position + i) % Line.Length];
            }
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
