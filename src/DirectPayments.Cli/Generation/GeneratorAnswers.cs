using System.Text.Json;
using System.Text.Json.Serialization;
using DirectPayments.Domain.Finance;

namespace DirectPayments.Cli.Generation;

/// <summary>
/// <c>answers.json</c>: what the generator planted, so a benchmark or a test can check the real
/// import and monitoring against it.
/// </summary>
public sealed record GeneratorAnswers
{
    public int Seed { get; init; }

    public int Accounts { get; init; }

    public int Months { get; init; }

    public int Councils { get; init; }

    /// <summary>The run date every planted flag is planted for.</summary>
    public DateOnly RunDate { get; init; }

    /// <summary>Ledger entries written to the database (0 when only files were written).</summary>
    public long Entries { get; init; }

    /// <summary>SHA-256 of every generated ledger row, in the order written: the same seed gives the same hash.</summary>
    public string? LedgerSha256 { get; init; }

    /// <summary>Accounts whose history holds two identical purchases on one day (both genuine, both kept).</summary>
    public int TwinPairs { get; init; }

    /// <summary>Every planted flag; every other account is clean and must raise none.</summary>
    public IReadOnlyList<PlantedFlag> Planted { get; init; } = [];

    public StatementFileAnswer? Statement { get; init; }

    public StatementFileAnswer? OverlapStatement { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter<FlagKind>() },
    };

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);
    }

    public static async Task<GeneratorAnswers> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<GeneratorAnswers>(stream, Json, cancellationToken)
            ?? throw new InvalidOperationException($"{path} is empty.");
    }
}
