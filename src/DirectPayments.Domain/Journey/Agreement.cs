using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DirectPayments.Domain.Platform;

namespace DirectPayments.Domain.Journey;

public enum AgreementStatus
{
    AwaitingSignatures,
    FullySigned,
    Superseded,
}

/// <summary>Who signed: the person, someone signing for them, or the council.</summary>
public enum SignerKind
{
    Person,
    Representative,
    Council,
}

/// <summary>
/// One version of the direct payment agreement. The exact text is stored, with its SHA-256 hash; a
/// signature records the hash of the text the signer saw, so nobody can sign an outdated version.
/// </summary>
public sealed class AgreementVersion : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid ArrangementId { get; set; }

    public int Version { get; set; }

    public Guid PlanId { get; set; }

    public Guid FundingDecisionId { get; set; }

    public AgreementStatus Status { get; set; }

    /// <summary>The agreement as the signers read it, in a simple Markdown form: "# " headings, "- " list items and paragraphs.</summary>
    public required string Text { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Text"/> in UTF-8.</summary>
    public required string TextHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<AgreementSignature> Signatures { get; set; } = [];
}

/// <summary>An electronic signature: typed name, explicit confirmation, who and when, and the hash of what was signed.</summary>
public sealed class AgreementSignature
{
    public Guid Id { get; set; }

    public Guid AgreementVersionId { get; set; }

    public SignerKind Kind { get; set; }

    /// <summary>"person" for the person or their representative, "council" for the council: one signature per side per version.</summary>
    public string Side { get; set; } = "";

    public Guid? UserId { get; set; }

    /// <summary>The name the signer typed.</summary>
    public required string TypedName { get; set; }

    /// <summary>The account's name at the time, to compare with the typed one.</summary>
    public required string AccountName { get; set; }

    /// <summary>The statement the signer confirmed, word for word.</summary>
    public required string Confirmation { get; set; }

    public required string SignedHash { get; set; }

    public DateTime SignedAt { get; set; }
}

/// <summary>What goes into an agreement: the person, the plan and the funding decision as agreed.</summary>
public sealed record AgreementInputs(
    string CouncilName,
    string CouncilContact,
    string PersonName,
    string PersonReference,
    string ArrangementReference,
    string? RepresentativeName,
    string? RepresentativeRole,
    LegalRoute Route,
    int PlanVersion,
    IReadOnlyList<(string Outcome, string HowMet)> Outcomes,
    IReadOnlyList<(CostCategory Category, string Description, Money Weekly)> Costs,
    string CanBeUsedFor,
    Money WeeklyBudget,
    Money WeeklyContribution,
    PaymentBasis Basis,
    PaymentFrequency Frequency,
    Money OneOff,
    int ContingencyWeeks,
    int ReviewIntervalMonths);

public static class AgreementRules
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The statement a signer confirms, word for word.</summary>
    public const string Confirmation = "I have read this agreement and I agree to it. I understand that typing my name here is my signature.";

    public static string Label(this SignerKind kind) => kind switch
    {
        SignerKind.Person => "The person",
        SignerKind.Representative => "Representative",
        SignerKind.Council => "For the council",
    };

    public static string Label(this PaymentBasis basis) => basis switch
    {
        PaymentBasis.Net => "Net: the council pays the budget less your contribution, and you pay your contribution into the account",
        PaymentBasis.Gross => "Gross: the council pays the whole budget, then asks you to pay your contribution",
    };

    public static string Label(this PaymentFrequency frequency) => frequency switch
    {
        PaymentFrequency.FourWeekly => "Every four weeks, in advance",
        PaymentFrequency.Weekly => "Every week, in advance",
        PaymentFrequency.Monthly => "Every month, in advance",
    };

    /// <summary>The weekly amount turned into one regular payment: four weeks, one week, or a twelfth of 52 weeks (rounded half up to the penny).</summary>
    public static Money PerPayment(Money weekly, PaymentFrequency frequency) => frequency switch
    {
        PaymentFrequency.FourWeekly => weekly * 4,
        PaymentFrequency.Weekly => weekly,
        PaymentFrequency.Monthly => new Money((long)Math.Round(weekly.Pence * 52m / 12m, MidpointRounding.AwayFromZero)),
    };

    public static string Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Whether both sides have signed this exact text: the person or a representative, and the council.</summary>
    public static bool SignedByAll(AgreementVersion agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var valid = agreement.Signatures.Where(s => s.SignedHash == agreement.TextHash).ToList();
        return valid.Any(s => s.Kind is SignerKind.Person or SignerKind.Representative) && valid.Any(s => s.Kind == SignerKind.Council);
    }

    /// <summary>
    /// Checks a signature before it is kept: the version must be the latest, not already signed by this
    /// side, the hash must match the text the signer saw, the name typed and the statement confirmed.
    /// </summary>
    public static Refusal? CheckSignature(AgreementVersion agreement, int latestVersion, SignerKind kind, string? typedName, bool confirmed, string? hashSeen)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.Status == AgreementStatus.Superseded || agreement.Version != latestVersion)
        {
            return new Refusal("outdated-version", $"Version {agreement.Version} of the agreement has been replaced by version {latestVersion}. Read the latest version and sign that instead");
        }
        if (!string.Equals(hashSeen, agreement.TextHash, StringComparison.Ordinal))
        {
            return new Refusal("text-changed", "The agreement changed after you opened it. Read it again and sign the version shown");
        }
        var side = kind == SignerKind.Council ? "The council has" : "The person or their representative has";
        if (agreement.Signatures.Any(s => SideOf(s.Kind) == SideOf(kind)))
        {
            return new Refusal("already-signed", $"{side} already signed this version");
        }
        if (string.IsNullOrWhiteSpace(typedName))
        {
            return new Refusal("name-missing", "Type your full name to sign");
        }
        if (typedName.Trim().Length > 200)
        {
            return new Refusal("name-too-long", "Your name must be 200 characters or fewer");
        }
        if (!confirmed)
        {
            return new Refusal("not-confirmed", "Confirm that you have read the agreement and agree to it");
        }
        return null;
    }

    public static string SideOf(SignerKind kind) => kind == SignerKind.Council ? "council" : "person";

    /// <summary>The agreement's text, built only from its inputs, so the same inputs always give the same text and hash.</summary>
    public static string Compose(AgreementInputs a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var figures = FundingRules.Figures(a.WeeklyBudget, a.WeeklyContribution);
        var paid = a.Basis == PaymentBasis.Net ? figures.CouncilAmount : figures.Cost;
        var text = new StringBuilder();
        void Line(string s = "") => text.Append(s).Append('\n');

        Line($"# Direct payment agreement {a.ArrangementReference}");
        Line();
        Line($"Between {a.CouncilName} (\"the council\") and {a.PersonName} (council reference {a.PersonReference}).");
        if (a.RepresentativeName is not null)
        {
            Line($"The payments are managed by {a.RepresentativeName}, {a.RepresentativeRole}, who signs this agreement and takes on its responsibilities.");
        }
        Line($"Legal basis: {a.Route.Label()}.");
        Line($"This agreement goes with version {a.PlanVersion} of the support plan.");
        Line();
        Line("# Your personal budget");
        Line();
        Line($"- The cost of meeting your needs is {figures.Cost} a week.");
        Line($"- Your contribution, from your financial assessment, is {figures.Contribution} a week.");
        Line($"- The council pays {figures.CouncilAmount} a week.");
        Line($"- How it is paid: {a.Basis.Label()}.");
        Line($"- When it is paid: {a.Frequency.Label()}. Each payment from the council is {AgreementRules.PerPayment(paid, a.Frequency)}.");
        if (a.OneOff.Pence > 0)
        {
            Line($"- A one-off payment of {a.OneOff} to set things up is paid with the first payment.");
        }
        Line();
        Line("# What your support plan says you want to achieve");
        Line();
        foreach (var (outcome, howMet) in a.Outcomes)
        {
            Line($"- \"{outcome}\": {howMet}");
        }
        Line();
        Line("# Planned weekly spending");
        Line();
        foreach (var (category, description, weekly) in a.Costs)
        {
            Line($"- {category.Label()}: {description}, {weekly} a week");
        }
        Line();
        Line("# What your direct payment can be used for");
        Line();
        Line(a.CanBeUsedFor.Trim());
        Line();
        Line("# Your responsibilities");
        Line();
        Line("- Use the money only to meet the needs and outcomes in your support plan.");
        Line("- Keep the money in the account agreed with the council, separate from your own money.");
        Line("- Keep receipts or records of what you spend, or use the card or wallet, which keeps them for you.");
        Line("- If you employ a personal assistant, you are their employer: the support service will help you with contracts, insurance, payroll and pensions.");
        Line("- Tell us if your needs or circumstances change, or if you are finding it hard to manage.");
        Line();
        Line("# The council's responsibilities");
        Line();
        Line("- Pay the agreed amount on time.");
        Line("- Give you information, advice and support to manage your direct payment, including from the support service.");
        Line($"- Review your direct payment with you: the first review within 6 months of the first payment, then at least every {a.ReviewIntervalMonths} months.");
        Line("- Give you reasons in writing for any decision about your direct payment, and a way to ask for it to be looked at again.");
        Line();
        Line("# How we check that things are going well");
        Line();
        Line("We look at the account in a proportionate way, to help you rather than to police you. If something looks wrong, such as money building up or running short, we will contact you for a supportive conversation about getting things back on track. We never take money back automatically.");
        Line();
        Line("# Unspent money");
        Line();
        Line($"It is sensible to keep some money back for emergencies, such as covering a personal assistant's holiday or sickness. Up to {a.ContingencyWeeks} weeks of planned spending is expected. If more than that builds up, we will talk with you first, and only money you are not likely to need is returned, with your agreement or with a written decision and reasons you can ask us to look at again.");
        Line();
        Line("# Ending the direct payment");
        Line();
        Line("You can stop your direct payment at any time; your needs will then be met another way. The council will end a direct payment only as a last resort, with notice and written reasons, and will make sure there is no gap in your support.");
        Line();
        Line("# Raising a concern");
        Line();
        Line($"If you are worried about anything, including how your direct payment is managed or how you are treated, contact {a.CouncilContact}. You can also raise a concern in confidence, or anonymously. Raising a concern will never put your direct payment at risk.");
        return text.ToString();
    }
}
