namespace DirectPayments.Web.Features.Shared;

/// <summary>Where a list is, for the GOV.UK pagination component: 25 to a page unless said otherwise.</summary>
public sealed record Paging(int Page, int PageSize, int TotalCount, Func<int, string> UrlFor)
{
    public const int DefaultPageSize = 25;

    public int TotalPages => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    /// <summary>A requested page number brought into range.</summary>
    public static int Clamp(int? page) => page is null or < 1 ? 1 : Math.Min(page.Value, 100_000);
}
