using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using DirectPayments.Domain;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Identity;

namespace DirectPayments.Web.Features.Journey.Decisions;

/// <summary>What the decision pages share: who may do what, how facts are kept, and how dates and money read.</summary>
public static class DecisionPages
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static readonly JsonSerializerOptions FactsJsonOptions = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Whether the signed-in user's role is one the policy allows (the page's own policy has already let them in).</summary>
    public static bool May(this ClaimsPrincipal user, string policy) =>
        user.AppRole() is { } role && Policies.RolePolicies[policy].Contains(role);

    public static string ToJson(SuitabilityFacts facts) => JsonSerializer.Serialize(facts, FactsJsonOptions);

    /// <summary>The facts a decision was made on; a decision always stores them, so this never fails on our own rows.</summary>
    public static SuitabilityFacts FactsFrom(string json) =>
        JsonSerializer.Deserialize<SuitabilityFacts>(json, FactsJsonOptions) ?? throw new InvalidOperationException("A suitability decision has no facts.");

    public static string LongDate(this DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    public static string LongDate(this DateTime instant) => EnglandClock.ToEnglandTime(instant).ToString("d MMMM yyyy", EnGb);

    public static DateOnly EnglandDate(this DateTime instant) => DateOnly.FromDateTime(EnglandClock.ToEnglandTime(instant));

    public static string Pounds(long pence) => new Money(pence).ToString();

    public static string Pounds(long? pence) => pence is { } p ? new Money(p).ToString() : "Not set";

    /// <summary>The difference between two weekly amounts, in words: "£20.00 a week less than proposed".</summary>
    public static string Difference(long proposedPence, long decidedPence) => decidedPence == proposedPence
        ? "The same as proposed"
        : $"{new Money(Math.Abs(decidedPence - proposedPence))} a week {(decidedPence > proposedPence ? "more" : "less")} than proposed";

    /// <summary>Text for a page heading, trimmed to what the column can take.</summary>
    public static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
