using System.Buffers.Binary;
using System.IO.Compression;
using DirectPayments.Data;
using DirectPayments.Domain.Finance;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Finance;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Platform.Demo;

/// <summary>
/// The wallet's demo data (issue #4, item 8): for Leo Bennett's virtual wallet, a few receipts his
/// mother Grace recorded (one with a small photo), one payment the wallet provider sent with no
/// category, explained in Grace's words with the category she chose, and the rule learned from it.
/// Payment runs and statements come from their own demos.
/// </summary>
public static class MoneyWalletDemo
{
    /// <summary>The payee of the explained line, so tests and the browser walk can find it.</summary>
    public const string ExplainedPayee = "SOUTHBY LEISURE CENTRE";

    /// <summary>The payee of a line left for Grace to explain.</summary>
    public const string UnexplainedPayee = "HOBBYCRAFT SOUTHBY";

    public static async Task SeedAsync(DpDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var money = new MoneyActions(db, clock);
        var today = money.Today;
        var leo = await db.People.AsNoTracking().SingleAsync(p => p.Reference == "EX-000102", cancellationToken);
        var account = await db.DpAccounts.AsNoTracking().Where(a => a.PersonId == leo.Id).FirstOrDefaultAsync(cancellationToken);
        if (account is null || await db.Receipts.AnyAsync(r => r.AccountId == account.Id, cancellationToken))
        {
            return;
        }
        const string grace = "Grace Bennett";
        var receipts = new (int DaysAgo, long Pence, CostCategory Category, string Description, bool Photo)[]
        {
            (20, 1_650, CostCategory.Activities, "Swimming session and locker for Leo and his support worker", true),
            (12, 4_800, CostCategory.Activities, "Saturday club, two sessions paid at the door", false),
            (5, 900, CostCategory.Transport, "Bus fares to the Saturday club", false),
        };
        foreach (var (daysAgo, pence, category, description, photo) in receipts)
        {
            var receipt = new Receipt
            {
                Id = money.NewId(),
                CouncilId = account.CouncilId,
                AccountId = account.Id,
                SpentOn = today.AddDays(-daysAgo),
                AmountPence = pence,
                Category = category,
                Description = description,
                PaidInCash = false,
                FileName = photo ? "swimming-receipt.png" : null,
                ContentType = photo ? "image/png" : null,
                Content = photo ? ReceiptPng() : null,
                ByName = grace,
                RecordedAt = money.Now,
            };
            db.Receipts.Add(receipt);
            money.Post([Spend(account, receipt.Id, receipt.SpentOn, pence, description, null, category, EntrySource.Receipt)],
                "money.receipt.posted", nameof(Receipt), receipt.Id.ToString(), account.PersonId);
        }
        // Two payments the virtual wallet provider sent: neither matched a rule, so neither has a category.
        var push = money.NewId();
        var explained = Spend(account, push, today.AddDays(-9), 2_250, "SOUTHBY LEISURE CENTRE CARD PAYMENT", ExplainedPayee, null, EntrySource.ApiPush);
        var unexplained = Spend(account, push, today.AddDays(-3), 1_299, "HOBBYCRAFT SOUTHBY CARD PAYMENT", UnexplainedPayee, null, EntrySource.ApiPush);
        unexplained.LineNumber = 2;
        money.Post([explained, unexplained], "money.push.posted", "LedgerEntry", push.ToString(), account.PersonId);
        await db.SaveChangesAsync(cancellationToken);

        db.EntryNotes.Add(new EntryNote
        {
            Id = money.NewId(),
            CouncilId = account.CouncilId,
            AccountId = account.Id,
            EntryId = explained.Id,
            Category = CostCategory.Activities,
            Explanation = "Leo's swimming lesson, paid at the leisure centre",
            ByName = grace,
            At = money.Now,
        });
        if (!await db.CategoryRules.AnyAsync(r => r.Contains == ExplainedPayee, cancellationToken))
        {
            db.CategoryRules.Add(new CategoryRule
            {
                Id = money.NewId(),
                Contains = ExplainedPayee,
                Category = CostCategory.Activities,
                Learned = true,
                CreatedAt = money.Now,
                CreatedByName = grace,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static LedgerEntry Spend(DpAccount account, Guid source, DateOnly on, long pence, string description, string? payee,
        CostCategory? category, EntrySource kind) => new()
    {
        CouncilId = account.CouncilId,
        AccountId = account.Id,
        Debit = LedgerBook.Spending,
        Credit = LedgerBook.Wallet,
        AmountPence = pence,
        OccurredOn = on,
        Source = kind,
        SourceId = source,
        LineNumber = 1,
        Description = description,
        Payee = payee,
        Category = category,
    };

    /// <summary>A small grey PNG (24 by 32 pixels, like a till receipt), written here so the demo needs no image file.</summary>
    public static byte[] ReceiptPng()
    {
        const int width = 24;
        const int height = 32;
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // no filter
            for (var x = 0; x < width; x++)
            {
                // White paper with a darker line of "print" every fourth row.
                raw.WriteByte(y % 4 == 2 && x is > 2 and < 21 ? (byte)0x40 : (byte)0xF0);
            }
        }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(z);
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR"u8, [0, 0, 0, width, 0, 0, 0, height, 8, 0, 0, 0, 0]); // 8-bit greyscale
        Chunk(png, "IDAT"u8, compressed.ToArray());
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(type);
        png.Write(data);
        var crc = Crc32(Crc32(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(number, crc);
        png.Write(number);
    }

    /// <summary>The PNG chunk checksum (ISO 3309 CRC-32), bit by bit: the demo's one image is tiny.</summary>
    private static uint Crc32(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return crc;
    }
}
