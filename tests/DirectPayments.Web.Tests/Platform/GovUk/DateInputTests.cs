using System.Globalization;
using AngleSharp.Html.Parser;
using DirectPayments.Testing.Html;
using DirectPayments.Web.Platform.GovUk;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Xunit;
using static DirectPayments.Web.Tests.Platform.GovUk.TagHelperRenderer;

namespace DirectPayments.Web.Tests.Platform.GovUk;

public sealed class DateInputTests
{
    [Theory]
    [InlineData("default", "dob", null, null)]
    [InlineData("with values", "with-values", null, null)]
    [InlineData("with error message and hint", "dob-errors", "dob-errors", "Error message goes here")]
    [InlineData("with error on day input", "dob-day-error", "dob-day-error.Day", "Error message goes here")]
    [InlineData("with error on month input", "dob-month-error", "dob-month-error.Month", "Error message goes here")]
    public async Task DateInput_FixtureCase_MatchesGovUkHtml(string fixture, string name, string? errorKey, string? error)
    {
        var view = NewViewContext();
        if (errorKey is not null)
        {
            view.ViewData.ModelState.AddModelError(errorKey, error!);
        }
        DateOnly? model = fixture == "with values" ? new DateOnly(1980, 3, 31) : null;
        var html = await RenderAsync(H("govuk-date-input", new DateInputTagHelper { For = For(name, model, typeof(DateOnly?)), ViewContext = view },
            H("govuk-date-input-fieldset-legend", new FieldsetLegendTagHelper(), "What is your date of birth?"),
            H("govuk-date-input-hint", new FormHintTagHelper(), "For example, 31 3 1980")));

        HtmlAssert.Equivalent(WithBindableNames(GovUkFixtures.Html("date-input", fixture), name), html);
    }

    [Fact]
    public async Task DateInput_PostedParts_AreShownAgain()
    {
        var view = NewViewContext();
        view.ViewData.ModelState.SetModelValue("FirstPayment.Day", "31", "31");
        view.ViewData.ModelState.SetModelValue("FirstPayment.Month", "2", "2");
        view.ViewData.ModelState.SetModelValue("FirstPayment.Year", "2026", "2026");
        view.ViewData.ModelState.AddModelError("FirstPayment", "First payment must be a real date");

        var html = await RenderAsync(H("govuk-date-input", new DateInputTagHelper { For = For("FirstPayment", null, typeof(DateOnly?)), ViewContext = view }));

        var inputs = new HtmlParser().ParseDocument(html).QuerySelectorAll("input");
        Assert.Equal(["31", "2", "2026"], inputs.Select(i => i.GetAttribute("value")));
        Assert.All(inputs, i => Assert.Contains("govuk-input--error", i.ClassList));
    }

    [Theory]
    [InlineData("27", "4", "2026", 2026, 4, 27)]
    [InlineData(" 1 ", "01", "2024", 2024, 1, 1)]
    [InlineData("29", "2", "2024", 2024, 2, 29)]
    public async Task Binder_RealDate_BindsDateOnly(string day, string month, string year, int y, int m, int d)
    {
        var (context, modelState) = BindingContext(day, month, year);

        await new DateOnlyModelBinder().BindModelAsync(context);

        Assert.True(context.Result.IsModelSet);
        Assert.Equal(new DateOnly(y, m, d), context.Result.Model);
        Assert.True(modelState.IsValid);
    }

    [Theory]
    [InlineData("", "4", "2026", "DateOfBirth.Day", "Date of birth must include a day")]
    [InlineData("27", "", "2026", "DateOfBirth.Month", "Date of birth must include a month")]
    [InlineData("27", "4", "", "DateOfBirth.Year", "Date of birth must include a year")]
    [InlineData("", "", "2026", "DateOfBirth.Day", "Date of birth must include a day and month")]
    public async Task Binder_MissingPart_ReportsErrorOnThatPart(string day, string month, string year, string key, string message)
    {
        var (context, modelState) = BindingContext(day, month, year);

        await new DateOnlyModelBinder().BindModelAsync(context);

        Assert.False(context.Result.IsModelSet);
        Assert.Equal(message, Assert.Single(modelState[key]!.Errors).ErrorMessage);
        Assert.Equal(1, modelState.ErrorCount);
    }

    [Theory]
    [InlineData("31", "2", "2026")]
    [InlineData("29", "2", "2025")]
    [InlineData("1", "13", "2026")]
    [InlineData("0", "1", "2026")]
    [InlineData("1", "1", "26")]
    [InlineData("1st", "1", "2026")]
    [InlineData("-1", "1", "2026")]
    public async Task Binder_ImpossibleDate_ReportsRealDateError(string day, string month, string year)
    {
        var (context, modelState) = BindingContext(day, month, year);

        await new DateOnlyModelBinder().BindModelAsync(context);

        Assert.False(context.Result.IsModelSet);
        Assert.Equal("Date of birth must be a real date", Assert.Single(modelState["DateOfBirth"]!.Errors).ErrorMessage);
        Assert.Equal(day, modelState["DateOfBirth.Day"]!.AttemptedValue);
    }

    [Fact]
    public async Task Binder_AllPartsEmpty_BindsNullWithoutError()
    {
        var (context, modelState) = BindingContext("", "", "");

        await new DateOnlyModelBinder().BindModelAsync(context);

        Assert.True(context.Result.IsModelSet);
        Assert.Null(context.Result.Model);
        Assert.True(modelState.IsValid);
    }

    [Fact]
    public void Provider_DateOnlyProperty_GivesDateBinder()
    {
        var metadata = new EmptyModelMetadataProvider().GetMetadataForProperty(typeof(Form), nameof(Form.DateOfBirth));
        var context = new TestProviderContext(metadata);

        Assert.IsType<DateOnlyModelBinder>(new DateOnlyModelBinderProvider().GetBinder(context));
    }

    [Fact]
    public void AddGovUkComponents_MvcOptions_PutsDateBinderFirst()
    {
        using var provider = new ServiceCollection().AddOptions().AddGovUkComponents().BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MvcOptions>>().Value;

        Assert.IsType<DateOnlyModelBinderProvider>(options.ModelBinderProviders[0]);
    }

    /// <summary>The fixtures name the parts "day" with ids "dob-day"; we use "DateOfBirth.Day" for both so they bind.</summary>
    private static string WithBindableNames(string html, string name)
    {
        foreach (var (part, suffix) in new[] { ("day", "Day"), ("month", "Month"), ("year", "Year") })
        {
            html = html.Replace($"\"{name}-{part}\"", $"\"{name}.{suffix}\"", StringComparison.Ordinal)
                .Replace($"name=\"{part}\"", $"name=\"{name}.{suffix}\"", StringComparison.Ordinal);
        }
        return html;
    }

    private static (DefaultModelBindingContext Context, ModelStateDictionary ModelState) BindingContext(string day, string month, string year)
    {
        var query = new QueryCollection(new Dictionary<string, StringValues>
        {
            ["DateOfBirth.Day"] = day,
            ["DateOfBirth.Month"] = month,
            ["DateOfBirth.Year"] = year,
        });
        var modelState = new ModelStateDictionary();
        var context = new DefaultModelBindingContext
        {
            ModelMetadata = new EmptyModelMetadataProvider().GetMetadataForProperty(typeof(Form), nameof(Form.DateOfBirth)),
            ModelName = "DateOfBirth",
            FieldName = "DateOfBirth",
            ModelState = modelState,
            ValueProvider = new QueryStringValueProvider(BindingSource.Query, query, CultureInfo.InvariantCulture),
        };
        return (context, modelState);
    }

    private sealed class Form
    {
        public DateOnly? DateOfBirth { get; set; }
    }

    private sealed class TestProviderContext(ModelMetadata metadata) : ModelBinderProviderContext
    {
        public override BindingInfo BindingInfo { get; } = new();
        public override ModelMetadata Metadata { get; } = metadata;
        public override IModelMetadataProvider MetadataProvider { get; } = new EmptyModelMetadataProvider();
        public override IModelBinder CreateBinder(ModelMetadata metadata) => throw new NotSupportedException();
    }
}
