using DirectPayments.Domain;

namespace DirectPayments.Web.Features.Finance.Wallet;

/// <summary>
/// What the spending chart draws: one pair of bars per category, planned (outlined) and spent (solid),
/// each with its amount written beside it, so no meaning rests on colour. A table says the same.
/// </summary>
public sealed record SpendingChart(string Id, string Title, string Description, IReadOnlyList<(string Label, Money Planned, Money Spent)> Bars)
{
    public const int Width = 640;

    public const int LabelHeight = 22;

    public const int BarHeight = 18;

    public const int RowHeight = LabelHeight + (BarHeight * 2) + 18;

    /// <summary>Room on the right for the amount text.</summary>
    public const int BarSpace = 420;

    public int Height => Math.Max(RowHeight, Bars.Count * RowHeight) + 10;

    /// <summary>A bar's length in the chart's units, against the largest amount drawn; at least 1 when there is anything.</summary>
    public int Length(Money amount)
    {
        var max = Bars.Count == 0 ? 0 : Bars.Max(b => Math.Max(b.Planned.Pence, b.Spent.Pence));
        if (max <= 0 || amount.Pence <= 0)
        {
            return 0;
        }
        return (int)Math.Max(1, Math.Round((decimal)amount.Pence / max * BarSpace, MidpointRounding.AwayFromZero));
    }
}
