using AngleSharp.Html.Parser;
using DirectPayments.Testing.Html;
using DirectPayments.Web.Platform.GovUk;
using Xunit;
using static DirectPayments.Web.Tests.Platform.GovUk.TagHelperRenderer;

namespace DirectPayments.Web.Tests.Platform.GovUk;

public sealed class NavigationTagHelperTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("first page")]
    [InlineData("with many pages")]
    [InlineData("with prev and next only")]
    [InlineData("with previous only")]
    public async Task Pagination_FixtureCase_MatchesGovUkHtml(string fixture)
    {
        static Node Page(int number, bool current = false) =>
            H("govuk-pagination-item", new PaginationChildTagHelper { Href = $"/page/{number}", Current = current }, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        static Node Ellipsis() => H("govuk-pagination-ellipsis", new PaginationChildTagHelper());
        var previous = H("govuk-pagination-previous", new PaginationChildTagHelper { Href = "/previous" });
        var next = H("govuk-pagination-next", new PaginationChildTagHelper { Href = "/next" });
        object[] children = fixture switch
        {
            "default" => [previous, Page(1), Page(2, current: true), Page(3), next],
            "first page" => [Page(1, current: true), Page(2), Page(3), next],
            "with many pages" => [previous, Page(1), Ellipsis(), Page(8), Page(9), Page(10, current: true), Page(11), Page(12), Ellipsis(), Page(40), next],
            "with prev and next only" => [previous, next],
            "with previous only" => [previous],
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };

        var html = await RenderAsync(H("govuk-pagination", new PaginationTagHelper(), children));

        HtmlAssert.Equivalent(GovUkFixtures.Html("pagination", fixture), html);
    }

    [Theory]
    [InlineData("default", "My cool service", "/", null)]
    [InlineData("custom url", "Some logo text", "https://www.pizza.gov.uk", null)]
    [InlineData("classes", "Some logo text", "/", "app-header--custom-modifier")]
    public async Task Header_GenericHeaderFixtureCase_MatchesGovUkHtml(string fixture, string serviceName, string href, string? cssClass)
    {
        var header = new HeaderTagHelper { ServiceName = serviceName, Href = href };
        var node = cssClass is null ? H("govuk-header", header) : H("govuk-header", header, new Dictionary<string, object> { ["class"] = cssClass });

        HtmlAssert.Equivalent(GovUkFixtures.Html("generic-header", fixture), await RenderAsync(node));
    }

    [Theory]
    [InlineData("with only meta links")]
    [InlineData("with meta links and meta content")]
    [InlineData("with no content licence")]
    public async Task Footer_FixtureCaseWithoutCrown_MatchesGovUkHtml(string fixture)
    {
        string[] names = ["Bibendum Ornare", "Nullam", "Tortor Fringilla", "Tellus", "Egestas Nullam", "Euismod Etiam", "Fusce Sollicitudin", "Ligula Nullam Ultricies"];
        List<object> children = [];
        if (fixture != "with no content licence")
        {
            children.AddRange(names.Select((name, i) => (object)H("govuk-footer-meta-link", new FooterChildTagHelper { Href = $"#{i + 1}" }, name)));
        }
        if (fixture == "with meta links and meta content")
        {
            children.Add(H("govuk-footer-meta-content", new FooterChildTagHelper(), "Built by the <a href=\"#\" class=\"govuk-footer__link\">Department of Magical Law Enforcement</a>"));
        }

        var html = await RenderAsync(H("govuk-footer", new FooterTagHelper(), [.. children]));

        HtmlAssert.Equivalent(WithoutCrown(GovUkFixtures.Html("footer", fixture)), html);
    }

    [Fact]
    public async Task Footer_Copyright_RendersCouncilsOwnNotice()
    {
        var html = await RenderAsync(H("govuk-footer", new FooterTagHelper { Copyright = "© Example Council" }));

        var notice = new HtmlParser().ParseDocument(html).QuerySelector(".govuk-footer__meta-item:not(.govuk-footer__meta-item--grow)");
        Assert.Equal("© Example Council", notice?.TextContent);
        Assert.DoesNotContain("Crown", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("with navigation with a current item")]
    [InlineData("with service name")]
    [InlineData("with service name and navigation")]
    public async Task ServiceNavigation_FixtureCase_MatchesGovUkHtml(string fixture)
    {
        var helper = fixture switch
        {
            "with service name" => new ServiceNavigationTagHelper { ServiceName = "Service name" },
            "with service name and navigation" => new ServiceNavigationTagHelper { ServiceName = "Apply for a juggling license", ServiceUrl = "#/" },
            _ => new ServiceNavigationTagHelper(),
        };
        object[] items = fixture == "with service name"
            ? []
            : [.. Enumerable.Range(1, 4).Select(i => H("govuk-service-navigation-item",
                new ServiceNavigationItemTagHelper { Href = $"#/{i}", Current = i == 2 }, $"Navigation item {i}"))];

        var html = await RenderAsync(H("govuk-service-navigation", helper, items));

        var expected = GovUkFixtures.Html("service-navigation", fixture);
        // govuk-frontend marks an "active" (section) item aria-current="true" and a "current" page "page"; we only mark the page.
        HtmlAssert.Equivalent(expected.Replace("aria-current=\"true\"", "aria-current=\"page\"", StringComparison.Ordinal), html);
    }

    /// <summary>
    /// Council services are not GOV.UK services, so our footer leaves out the crown, the Open Government Licence
    /// and the Crown copyright notice that govuk-frontend's fixtures always include.
    /// </summary>
    private static string WithoutCrown(string html) => HtmlNormaliser.Edit(html, body =>
    {
        foreach (var element in body.QuerySelectorAll(".govuk-footer__crown, .govuk-footer__licence-logo, .govuk-footer__licence-description, .govuk-footer__copyright-logo"))
        {
            var remove = element.ClassList.Contains("govuk-footer__copyright-logo") ? element.ParentElement! : element;
            remove.Remove();
        }
    });
}
