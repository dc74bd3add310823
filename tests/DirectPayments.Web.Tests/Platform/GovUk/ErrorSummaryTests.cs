using AngleSharp.Html.Parser;
using DirectPayments.Testing.Html;
using DirectPayments.Web.Platform.GovUk;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Xunit;
using static DirectPayments.Web.Tests.Platform.GovUk.TagHelperRenderer;

namespace DirectPayments.Web.Tests.Platform.GovUk;

public sealed class ErrorSummaryTests
{
    [Fact]
    public async Task ErrorSummary_DefaultFixtureFromModelState_MatchesGovUkHtml()
    {
        var view = NewViewContext();
        view.ViewData.ModelState.AddModelError("example-error-1", "The date your passport was issued must be in the past");
        view.ViewData.ModelState.AddModelError("example-error-2", "Enter a postcode, like AA1 1AA");

        var html = await RenderAsync(H("govuk-error-summary", new ErrorSummaryTagHelper { ViewContext = view }));

        HtmlAssert.Equivalent(GovUkFixtures.Html("error-summary", "default"), html);
    }

    [Theory]
    [InlineData("without links")]
    [InlineData("with everything")]
    [InlineData("mixed with and without links")]
    public async Task ErrorSummary_FixtureCaseWithExplicitItems_MatchesGovUkHtml(string fixture)
    {
        static Node Item(string text, string? href = null) => H("govuk-error-summary-item", new ErrorSummaryChildTagHelper { Href = href }, text);
        var node = fixture switch
        {
            "without links" => H("govuk-error-summary", new ErrorSummaryTagHelper { ViewContext = NewViewContext() },
                Item("Invalid username or password")),
            "with everything" => H("govuk-error-summary", new ErrorSummaryTagHelper { ViewContext = NewViewContext() },
                H("govuk-error-summary-description", new ErrorSummaryChildTagHelper(), "Please fix the errors below."),
                Item("Invalid username or password"),
                Item("Agree to the terms of service to log in", "#example-error-1")),
            "mixed with and without links" => H("govuk-error-summary", new ErrorSummaryTagHelper { ViewContext = NewViewContext() },
                Item("Invalid username or password"),
                Item("Agree to the terms of service to log in", "#example-error-1")),
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };

        HtmlAssert.Equivalent(GovUkFixtures.Html("error-summary", fixture), await RenderAsync(node));
    }

    [Fact]
    public async Task ErrorSummary_SeveralErrors_ListsThemInPageModelPropertyOrder()
    {
        var view = NewViewContext();
        view.ViewData = new ViewDataDictionary<PageForm>(new EmptyModelMetadataProvider(), view.ViewData.ModelState);
        view.ViewData.ModelState.AddModelError("Unrelated", "Something else went wrong");
        view.ViewData.ModelState.AddModelError("Surname", "Enter a surname");
        view.ViewData.ModelState.AddModelError("Amount", "Enter an amount");
        view.ViewData.ModelState.AddModelError("Address.Postcode", "Enter a postcode");

        var html = await RenderAsync(H("govuk-error-summary", new ErrorSummaryTagHelper { ViewContext = view }));

        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll(".govuk-error-summary__list a");
        Assert.Equal(["#Surname", "#Amount", "#Address.Postcode", "#Unrelated"], links.Select(a => a.GetAttribute("href")));
    }

    private sealed class PageForm
    {
        public string? Surname { get; set; }
        public decimal? Amount { get; set; }
        public PageAddress? Address { get; set; }
    }

    private sealed class PageAddress
    {
        public string? Postcode { get; set; }
    }

    [Fact]
    public async Task ErrorSummary_NoErrors_RendersNothing()
    {
        var html = await RenderAsync(H("govuk-error-summary", new ErrorSummaryTagHelper { ViewContext = NewViewContext() }));

        Assert.Equal("", html);
    }

    [Theory]
    [InlineData("DateOfBirth.Month", "#DateOfBirth.Month")]
    [InlineData("DateOfBirth", "#DateOfBirth.Day")]
    public async Task ErrorSummary_DateError_LinksToFirstPartAtFault(string errorKey, string expectedHref)
    {
        var view = NewViewContext();
        foreach (var part in new[] { "Day", "Month", "Year" })
        {
            view.ViewData.ModelState.SetModelValue($"DateOfBirth.{part}", "1", "1");
        }
        view.ViewData.ModelState.AddModelError(errorKey, "Date of birth must be a real date");

        var html = await RenderAsync(H("govuk-error-summary", new ErrorSummaryTagHelper { ViewContext = view }));

        var link = Assert.Single(new HtmlParser().ParseDocument(html).QuerySelectorAll(".govuk-error-summary__list a"));
        Assert.Equal(expectedHref, link.GetAttribute("href"));
    }

    [Fact]
    public void ErrorTitlePrefix_InvalidModelState_SaysError()
    {
        var view = NewViewContext();
        Assert.Equal("", view.ErrorTitlePrefix());

        view.ViewData.ModelState.AddModelError("Amount", "Enter an amount");

        Assert.True(view.HasErrors());
        Assert.Equal("Error: ", view.ErrorTitlePrefix());
    }

    [Theory]
    [InlineData("default", "Error")]
    [InlineData("visually hidden text removed", "")]
    public async Task ErrorMessage_FixtureCase_MatchesGovUkHtml(string fixture, string hiddenText)
    {
        var text = fixture == "default" ? "Error message about full name goes here" : "There is an error on line 42";
        var html = await RenderAsync(H("govuk-error-message", new ErrorMessageTagHelper { VisuallyHiddenText = hiddenText }, text));

        HtmlAssert.Equivalent(GovUkFixtures.Html("error-message", fixture), html);
    }
}
