using AngleSharp.Html.Parser;
using DirectPayments.Testing.Html;
using DirectPayments.Web.Platform.GovUk;
using Xunit;
using static DirectPayments.Web.Tests.Platform.GovUk.TagHelperRenderer;

namespace DirectPayments.Web.Tests.Platform.GovUk;

public sealed class FormTagHelperTests
{
    private const string NinoHint = "It’s on your National Insurance card, benefit letter, payslip or P60. For example, ‘QQ 12 34 56 C’.";

    [Theory]
    [InlineData("default")]
    [InlineData("with hint text")]
    [InlineData("with error message")]
    [InlineData("with error and hint")]
    [InlineData("with label as page heading")]
    [InlineData("with prefix and suffix and error")]
    [InlineData("with width-10 class")]
    [InlineData("custom type")]
    [InlineData("value")]
    [InlineData("with autocomplete attribute")]
    [InlineData("with spellcheck disabled")]
    [InlineData("disabled")]
    public async Task Input_FixtureCase_MatchesGovUkHtml(string fixture)
    {
        var view = NewViewContext();
        InputTagHelper Input(string name, string? id = null, object? model = null) =>
            new() { For = For(name, model), Id = id, ViewContext = view };
        Node Label(string text) => H("govuk-input-label", new FormLabelTagHelper(), text);
        Node Hint(string text) => H("govuk-input-hint", new FormHintTagHelper(), text);
        const string Nino = "National Insurance number";

        var node = fixture switch
        {
            "default" => H("govuk-input", Input("test-name"), Label(Nino)),
            "with hint text" => H("govuk-input", Input("test-name-2", "input-with-hint-text"), Label("National insurance number"), Hint(NinoHint)),
            "with error message" => H("govuk-input", Input("test-name-3", "input-with-error-message"), Label(Nino)),
            "with error and hint" => H("govuk-input", Input("with-error-hint"), Label("National insurance number"), Hint(NinoHint)),
            "with label as page heading" => H("govuk-input", Input("test-name", "input-with-page-heading"),
                H("govuk-input-label", new FormLabelTagHelper { IsPageHeading = true }, new() { ["class"] = "govuk-label--l" }, Nino)),
            "with prefix and suffix and error" => H("govuk-input", Input("cost", "input-with-prefix-suffix"),
                Label("Cost per item, in pounds"),
                H("govuk-input-prefix", new FormInputAffixTagHelper(), "£"),
                H("govuk-input-suffix", new FormInputAffixTagHelper(), "per item")),
            "with width-10 class" => H("govuk-input", Input("test-width-10", "input-width-10"), new() { ["class"] = "govuk-input--width-10" },
                H("govuk-input-label", new FormLabelTagHelper(), "National insurance number"),
                Hint("It’s on your National Insurance card, benefit letter, payslip or P60. For example, ‘QQ 12 34 56 C’.")),
            "custom type" => H("govuk-input", WithType(Input("with-custom-type"), "number"), Label("With custom type")),
            "value" => H("govuk-input", Input("with-value", model: "QQ 12 34 56 C"), Label("With value")),
            "with autocomplete attribute" => H("govuk-input", WithAutocomplete(Input("postcode", "input-with-autocomplete-attribute")), Label("Postcode")),
            "with spellcheck disabled" => H("govuk-input", WithSpellcheck(Input("spellcheck", "input-with-spellcheck-disabled")), Label("Spellcheck is disabled")),
            "disabled" => H("govuk-input", WithDisabled(Input("disabled-input")), Label("Disabled input")),
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };
        switch (fixture)
        {
            case "with error message":
                view.ViewData.ModelState.AddModelError("test-name-3", "Enter a National Insurance number in the correct format");
                break;
            case "with error and hint":
                view.ViewData.ModelState.AddModelError("with-error-hint", "Enter a National Insurance number in the correct format");
                break;
            case "with prefix and suffix and error":
                view.ViewData.ModelState.AddModelError("cost", "Error message goes here");
                break;
            default:
                break;
        }

        HtmlAssert.Equivalent(GovUkFixtures.Html("input", fixture), await RenderAsync(node));
    }

    [Fact]
    public async Task Input_PostedValue_IsShownInsteadOfModelValue()
    {
        var view = NewViewContext();
        view.ViewData.ModelState.SetModelValue("Amount", "12.5x", "12.5x");
        var html = await RenderAsync(H("govuk-input", new InputTagHelper { For = For("Amount", 10m), ViewContext = view },
            H("govuk-input-label", new FormLabelTagHelper(), "Amount")));

        Assert.Equal("12.5x", new HtmlParser().ParseDocument(html).QuerySelector("input")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("with hint")]
    [InlineData("with error message")]
    [InlineData("with default value")]
    [InlineData("with custom rows")]
    [InlineData("with label as page heading")]
    public async Task Textarea_FixtureCase_MatchesGovUkHtml(string fixture)
    {
        var view = NewViewContext();
        TextareaTagHelper Textarea(string name, string? id = null, object? model = null, int rows = 5) =>
            new() { For = For(name, model), Id = id, Rows = rows, ViewContext = view };
        Node Label(string text) => H("govuk-textarea-label", new FormLabelTagHelper(), text);

        var node = fixture switch
        {
            "default" => H("govuk-textarea", Textarea("more-detail"), Label("Can you provide more detail?")),
            "with hint" => H("govuk-textarea", Textarea("more-detail", "more-detail"), Label("Can you provide more detail?"),
                H("govuk-textarea-hint", new FormHintTagHelper(), "Don't include personal or financial information, eg your National Insurance number or credit card details.")),
            "with error message" => H("govuk-textarea", Textarea("no-ni-reason"), Label("Why can’t you provide a National Insurance number?")),
            "with default value" => H("govuk-textarea", Textarea("address", "full-address", "221B Baker Street\nLondon\nNW1 6XE\n"), Label("Full address")),
            "with custom rows" => H("govuk-textarea", Textarea("address", "full-address", rows: 8), Label("Full address")),
            "with label as page heading" => H("govuk-textarea", Textarea("address", "textarea-with-page-heading"),
                H("govuk-textarea-label", new FormLabelTagHelper { IsPageHeading = true }, new() { ["class"] = "govuk-label--l" }, "Full address")),
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };
        if (fixture == "with error message")
        {
            view.ViewData.ModelState.AddModelError("no-ni-reason", "You must provide an explanation");
        }

        HtmlAssert.Equivalent(GovUkFixtures.Html("textarea", fixture), await RenderAsync(node));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("with hint")]
    [InlineData("inline")]
    [InlineData("with legend as page heading")]
    [InlineData("with a divider")]
    [InlineData("with hints on items")]
    [InlineData("with error message")]
    [InlineData("with hint and error message")]
    [InlineData("with disabled")]
    [InlineData("without fieldset")]
    public async Task Radios_FixtureCase_MatchesGovUkHtml(string fixture)
    {
        var view = NewViewContext();
        RadiosTagHelper Radios(string name, string? idPrefix = null, object? model = null) =>
            new() { For = For(name, model), IdPrefix = idPrefix, ViewContext = view };
        static Node Legend(string text, bool heading = false) => heading
            ? H("govuk-radios-fieldset-legend", new FieldsetLegendTagHelper { IsPageHeading = true }, new() { ["class"] = "govuk-fieldset__legend--l" }, text)
            : H("govuk-radios-fieldset-legend", new FieldsetLegendTagHelper(), text);
        static Node Item(string value, object label, string? id = null, string? hint = null, bool disabled = false) =>
            H("govuk-radios-item", new ChoiceItemTagHelper { Value = value, Id = id, Disabled = disabled }, hint is null
                ? [label]
                : [label, H("govuk-radios-item-hint", new ChoiceItemHintTagHelper(), hint)]);
        static Node Hint(string text) => H("govuk-radios-hint", new FormHintTagHelper(), text);
        const string ChangedName = "Have you changed your name?";
        const string ChangedHint = "This includes changing your last name or spelling your name differently.";
        const string GatewayHint = "You’ll have a user ID if you’ve registered for Self Assessment or filed a tax return online before.";
        const string VerifyHint = "You’ll have an account if you’ve already proved your identity with either Barclays, CitizenSafe, Digidentity, Experian, Post Office, Royal Mail or SecureIdentity.";

        var node = fixture switch
        {
            "default" => H("govuk-radios", Radios("example-default"), Legend(ChangedName), Item("yes", "Yes"), Item("no", "No")),
            "with hint" => H("govuk-radios", Radios("example-with-hint"), Legend(ChangedName), Hint(ChangedHint), Item("yes", "Yes"), Item("no", "No")),
            "inline" => H("govuk-radios", Radios("example", "example", "no"), new() { ["class"] = "govuk-radios--inline" },
                Legend(ChangedName), Hint(ChangedHint), Item("yes", "Yes"), Item("no", "No")),
            "with legend as page heading" => H("govuk-radios", Radios("housing-act"),
                Legend("Which part of the Housing Act was your licence issued under?", heading: true), Hint("Select one of the options below."),
                Item("part-2", "<span class=\"govuk-heading-s govuk-!-margin-bottom-1\">Part 2 of the Housing Act 2004</span> For properties that are 3 or more stories high and occupied by 5 or more people"),
                Item("part-3", "<span class=\"govuk-heading-s govuk-!-margin-bottom-1\">Part 3 of the Housing Act 2004</span> For properties that are within a geographical area defined by a local council")),
            "with a divider" => H("govuk-radios", Radios("example", "example-divider"), Legend("How do you want to sign in?"),
                Item("government-gateway", "Use Government Gateway"), Item("govuk-verify", "Use GOV.UK Verify"),
                H("govuk-radios-divider", new ChoiceDividerTagHelper(), "or"), Item("create-account", "Create an account")),
            "with hints on items" => H("govuk-radios", Radios("gov"), Legend("How do you want to sign in?", heading: true),
                Item("gateway", "Sign in with Government Gateway", "gateway", GatewayHint),
                Item("verify", "Sign in with GOV.UK Verify", "verify", VerifyHint)),
            "with error message" => H("govuk-radios", Radios("example-error-message"), Item("yes", "Yes"), Item("no", "No")),
            "with hint and error message" => H("govuk-radios", Radios("example-error-message-hint"), Legend(ChangedName), Hint(ChangedHint),
                Item("yes", "Yes"), Item("no", "No")),
            "with disabled" => H("govuk-radios", Radios("gov"), Legend("How do you want to sign in?", heading: true),
                Item("gateway", "Sign in with Government Gateway", "gateway", GatewayHint),
                Item("verify", "Sign in with GOV.UK Verify", "verify", VerifyHint, disabled: true)),
            "without fieldset" => H("govuk-radios", Radios("colours"), Item("red", "Red"), Item("green", "Green"), Item("blue", "Blue")),
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };
        if (fixture.Contains("error", StringComparison.Ordinal))
        {
            view.ViewData.ModelState.AddModelError(fixture == "with error message" ? "example-error-message" : "example-error-message-hint", "Please select an option");
        }

        HtmlAssert.Equivalent(GovUkFixtures.Html("radios", fixture), await RenderAsync(node));
    }

    [Fact]
    public async Task Radios_PostedValue_ChecksMatchingItem()
    {
        var view = NewViewContext();
        view.ViewData.ModelState.SetModelValue("Method", "bank", "bank");
        var html = await RenderAsync(H("govuk-radios", new RadiosTagHelper { For = For("Method", "card"), ViewContext = view },
            H("govuk-radios-item", new ChoiceItemTagHelper { Value = "card" }, "Card"),
            H("govuk-radios-item", new ChoiceItemTagHelper { Value = "bank" }, "Bank")));

        var chosen = new HtmlParser().ParseDocument(html).QuerySelectorAll("input[checked]").Select(i => i.GetAttribute("value"));
        Assert.Equal(["bank"], chosen);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("with hint")]
    [InlineData("with divider and None")]
    [InlineData("with error message")]
    [InlineData("with disabled item")]
    [InlineData("with legend as a page heading")]
    public async Task Checkboxes_FixtureCase_MatchesGovUkHtml(string fixture)
    {
        var view = NewViewContext();
        CheckboxesTagHelper Checkboxes(string name, object? model = null) => new() { For = For(name, model), ViewContext = view };
        static Node Legend(string text, bool heading = false) => heading
            ? H("govuk-checkboxes-fieldset-legend", new FieldsetLegendTagHelper { IsPageHeading = true }, new() { ["class"] = "govuk-fieldset__legend--l" }, text)
            : H("govuk-checkboxes-fieldset-legend", new FieldsetLegendTagHelper(), text);
        static Node Item(ChoiceItemTagHelper helper, string label, string? hint = null) =>
            H("govuk-checkboxes-item", helper, hint is null ? [label] : [label, H("govuk-checkboxes-item-hint", new ChoiceItemHintTagHelper(), hint)]);
        Node[] Nationalities() =>
        [
            Item(new() { Value = "british" }, "British"),
            Item(new() { Value = "irish" }, "Irish"),
            Item(new() { Value = "other" }, "Citizen of another country"),
        ];
        const string Nullam = "Nullam id dolor id nibh ultricies vehicula ut id elit.";

        var node = fixture switch
        {
            "default" => H("govuk-checkboxes", Checkboxes("nationality"), [Legend("What is your nationality?"), .. Nationalities()]),
            "with hint" => H("govuk-checkboxes", Checkboxes("nationality"),
                [Legend("What is your nationality?"), H("govuk-checkboxes-hint", new FormHintTagHelper(), "Select all that apply"), .. Nationalities()]),
            "with divider and None" => H("govuk-checkboxes", Checkboxes("with-divider-and-none"),
                Legend("Which types of waste do you transport regularly?"),
                Item(new() { Value = "animal" }, "Waste from animal carcasses"),
                Item(new() { Value = "mines" }, "Waste from mines or quarries"),
                Item(new() { Value = "farm" }, "Farm or agricultural waste"),
                H("govuk-checkboxes-divider", new ChoiceDividerTagHelper(), "or"),
                Item(new() { Value = "none", Behaviour = "exclusive" }, "None of these")),
            "with error message" => H("govuk-checkboxes", Checkboxes("waste"),
                Legend("Which types of waste do you transport regularly?"),
                Item(new() { Value = "animal" }, "Waste from animal carcasses", Nullam),
                Item(new() { Value = "mines" }, "Waste from mines or quarries", Nullam),
                Item(new() { Value = "farm" }, "Farm or agricultural waste", Nullam)),
            "with disabled item" => H("govuk-checkboxes", Checkboxes("sign-in"),
                Legend("How do you want to sign in?", heading: true),
                Item(new() { Name = "gateway", Id = "government-gateway", Value = "gov-gateway" }, "Sign in with Government Gateway",
                    "You'll have a user ID if you've registered for Self Assessment or filed a tax return online before."),
                Item(new() { Name = "verify", Id = "govuk-verify", Value = "gov-verify", Disabled = true }, "Sign in with GOV.UK Verify",
                    "You'll have an account if you've already proved your identity with either Barclays, CitizenSafe, Digidentity, Experian, Post Office, Royal Mail or SecureIdentity.")),
            "with legend as a page heading" => H("govuk-checkboxes", Checkboxes("waste"),
                Legend("Which types of waste do you transport regularly?", heading: true),
                H("govuk-checkboxes-hint", new FormHintTagHelper(), "Select all that apply"),
                Item(new() { Value = "animal" }, "Waste from animal carcasses"),
                Item(new() { Value = "mines" }, "Waste from mines or quarries"),
                Item(new() { Value = "farm" }, "Farm or agricultural waste")),
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };
        if (fixture == "with error message")
        {
            view.ViewData.ModelState.AddModelError("waste", "Please select an option");
        }

        HtmlAssert.Equivalent(GovUkFixtures.Html("checkboxes", fixture), await RenderAsync(node));
    }

    [Fact]
    public async Task Checkboxes_ModelCollection_ChecksEachChosenValue()
    {
        var html = await RenderAsync(H("govuk-checkboxes", new CheckboxesTagHelper { For = For("Needs", new List<string> { "a", "c" }), ViewContext = NewViewContext() },
            H("govuk-checkboxes-item", new ChoiceItemTagHelper { Value = "a" }, "A"),
            H("govuk-checkboxes-item", new ChoiceItemTagHelper { Value = "b" }, "B"),
            H("govuk-checkboxes-item", new ChoiceItemTagHelper { Value = "c" }, "C")));

        var chosen = new HtmlParser().ParseDocument(html).QuerySelectorAll("input[checked]").Select(i => i.GetAttribute("value"));
        Assert.Equal(["a", "c"], chosen);
    }

    private static InputTagHelper WithType(InputTagHelper input, string type)
    {
        input.Type = type;
        return input;
    }

    private static InputTagHelper WithAutocomplete(InputTagHelper input)
    {
        input.Autocomplete = "postal-code";
        return input;
    }

    private static InputTagHelper WithSpellcheck(InputTagHelper input)
    {
        input.Spellcheck = false;
        return input;
    }

    private static InputTagHelper WithDisabled(InputTagHelper input)
    {
        input.Disabled = true;
        return input;
    }
}
