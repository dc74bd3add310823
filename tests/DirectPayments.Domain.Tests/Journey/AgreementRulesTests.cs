using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class AgreementRulesTests
{
    /// <summary>The worked example of RULES.md section 10.4: £420.00 a week, £119.85 contribution, paid net every four weeks.</summary>
    private static AgreementInputs Inputs() => new(
        CouncilName: "Exampleshire County Council",
        CouncilContact: "the direct payments team on 01632 960 000",
        PersonName: "Amara Okafor",
        PersonReference: "EX-000101",
        ArrangementReference: "DP-4K7Q2M",
        RepresentativeName: null,
        RepresentativeRole: null,
        Route: LegalRoute.AdultWithCapacity,
        PlanVersion: 1,
        Outcomes: [("I want to get to work on time", "A personal assistant helps me get ready each morning")],
        Costs: [(CostCategory.PersonalAssistant, "15 hours a week", new Money(42000))],
        CanBeUsedFor: "  Anything that meets the outcomes in your plan.  ",
        WeeklyBudget: Money.FromPounds(420.00m),
        WeeklyContribution: Money.FromPounds(119.85m),
        Basis: PaymentBasis.Net,
        Frequency: PaymentFrequency.FourWeekly,
        OneOff: Money.Zero,
        ContingencyWeeks: 8,
        ReviewIntervalMonths: 12);

    private static AgreementInputs WithRepresentative() => Inputs() with { RepresentativeName = "Grace Bennett", RepresentativeRole = "his mother" };

    [Fact]
    public void Compose_SameInputs_GiveTheSameTextAndHash()
    {
        var first = AgreementRules.Compose(Inputs());
        var second = AgreementRules.Compose(Inputs());

        Assert.Equal(first, second);
        Assert.Equal(AgreementRules.Hash(first), AgreementRules.Hash(second));
    }

    [Fact]
    public void Compose_WorkedExample_ShowsTheThreeFiguresAndEachPayment()
    {
        var text = AgreementRules.Compose(Inputs());

        Assert.Contains("- The cost of meeting your needs is £420.00 a week.\n", text, StringComparison.Ordinal);
        Assert.Contains("- Your contribution, from your financial assessment, is £119.85 a week.\n", text, StringComparison.Ordinal);
        Assert.Contains("- The council pays £300.15 a week.\n", text, StringComparison.Ordinal);
        Assert.Contains("Each payment from the council is £1,200.60.\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PaymentBasis.Net, PaymentFrequency.FourWeekly, "£1,200.60")]
    [InlineData(PaymentBasis.Gross, PaymentFrequency.FourWeekly, "£1,680.00")]
    [InlineData(PaymentBasis.Net, PaymentFrequency.Weekly, "£300.15")]
    [InlineData(PaymentBasis.Gross, PaymentFrequency.Weekly, "£420.00")]
    [InlineData(PaymentBasis.Net, PaymentFrequency.Monthly, "£1,300.65")] // 300.15 × 52 / 12
    [InlineData(PaymentBasis.Gross, PaymentFrequency.Monthly, "£1,820.00")] // 420.00 × 52 / 12
    public void Compose_BasisAndFrequency_SetEachPayment(PaymentBasis basis, PaymentFrequency frequency, string payment) =>
        Assert.Contains($"Each payment from the council is {payment}.\n",
            AgreementRules.Compose(Inputs() with { Basis = basis, Frequency = frequency }), StringComparison.Ordinal);

    [Fact]
    public void Compose_ContributionAboveCost_IsCappedAtTheCost()
    {
        var text = AgreementRules.Compose(Inputs() with { WeeklyContribution = Money.FromPounds(500m) });

        Assert.Contains("is £420.00 a week.\n", text, StringComparison.Ordinal);
        Assert.Contains("The council pays £0.00 a week.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Representative_IsNamedOnlyWhenThereIsOne()
    {
        Assert.DoesNotContain("The payments are managed by", AgreementRules.Compose(Inputs()), StringComparison.Ordinal);
        Assert.Contains("\nThe payments are managed by Grace Bennett, his mother, who signs this agreement and takes on its responsibilities.\n",
            AgreementRules.Compose(WithRepresentative()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, "- A one-off payment of £0.01 to set things up is paid with the first payment.\n")]
    [InlineData(25000, "- A one-off payment of £250.00 to set things up is paid with the first payment.\n")]
    public void Compose_OneOffPayment_IsListedOnlyWhenMoreThanZero(long pence, string? line)
    {
        var text = AgreementRules.Compose(Inputs() with { OneOff = new Money(pence) });

        if (line is null)
        {
            Assert.DoesNotContain("one-off", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(line, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_PlanAndReview_AreInTheText()
    {
        var text = AgreementRules.Compose(Inputs() with { PlanVersion = 3, ReviewIntervalMonths = 6, ContingencyWeeks = 4 });

        Assert.StartsWith("# Direct payment agreement DP-4K7Q2M\n", text, StringComparison.Ordinal);
        Assert.Contains("version 3 of the support plan", text, StringComparison.Ordinal);
        Assert.Contains("then at least every 6 months", text, StringComparison.Ordinal);
        Assert.Contains("Up to 4 weeks of planned spending", text, StringComparison.Ordinal);
        Assert.Contains("- \"I want to get to work on time\": A personal assistant helps me get ready each morning\n", text, StringComparison.Ordinal);
        Assert.Contains("- Personal assistant: 15 hours a week, £420.00 a week\n", text, StringComparison.Ordinal);
        Assert.Contains("\nAnything that meets the outcomes in your plan.\n", text, StringComparison.Ordinal);
        Assert.Contains("contact the direct payments team on 01632 960 000.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Text_UsesOnlyNewlinesWhateverTheMachine() =>
        Assert.DoesNotContain('\r', AgreementRules.Compose(Inputs()));

    [Theory]
    [InlineData("CouncilName")]
    [InlineData("CouncilContact")]
    [InlineData("PersonName")]
    [InlineData("PersonReference")]
    [InlineData("ArrangementReference")]
    [InlineData("RepresentativeName")]
    [InlineData("RepresentativeRole")]
    [InlineData("NoRepresentative")]
    [InlineData("Route")]
    [InlineData("PlanVersion")]
    [InlineData("Outcomes")]
    [InlineData("Costs")]
    [InlineData("CanBeUsedFor")]
    [InlineData("WeeklyBudget")]
    [InlineData("WeeklyContribution")]
    [InlineData("Basis")]
    [InlineData("Frequency")]
    [InlineData("OneOff")]
    [InlineData("ContingencyWeeks")]
    [InlineData("ReviewIntervalMonths")]
    public void Compose_AnyInputChanged_ChangesTheHash(string input)
    {
        var original = WithRepresentative();
        var changed = input switch
        {
            "CouncilName" => original with { CouncilName = "Otherplace Borough Council" },
            "CouncilContact" => original with { CouncilContact = "dp@example.gov.uk" },
            "PersonName" => original with { PersonName = "Amara Okafor-Smith" },
            "PersonReference" => original with { PersonReference = "EX-000102" },
            "ArrangementReference" => original with { ArrangementReference = "DP-4K7Q2N" },
            "RepresentativeName" => original with { RepresentativeName = "Tom Bennett" },
            "RepresentativeRole" => original with { RepresentativeRole = "his father" },
            "NoRepresentative" => original with { RepresentativeName = null },
            "Route" => original with { Route = LegalRoute.AdultLackingCapacity },
            "PlanVersion" => original with { PlanVersion = 2 },
            "Outcomes" => original with { Outcomes = [("I want to get to work on time", "A personal assistant helps me get ready each day")] },
            "Costs" => original with { Costs = [(CostCategory.PersonalAssistant, "15 hours a week", new Money(41999))] },
            "CanBeUsedFor" => original with { CanBeUsedFor = "Anything that meets the outcomes in your plan!" },
            "WeeklyBudget" => original with { WeeklyBudget = new Money(41999) },
            "WeeklyContribution" => original with { WeeklyContribution = new Money(11986) },
            "Basis" => original with { Basis = PaymentBasis.Gross },
            "Frequency" => original with { Frequency = PaymentFrequency.Monthly },
            "OneOff" => original with { OneOff = new Money(1) },
            "ContingencyWeeks" => original with { ContingencyWeeks = 9 },
            "ReviewIntervalMonths" => original with { ReviewIntervalMonths = 6 },
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, "Unknown input"),
        };

        Assert.NotEqual(AgreementRules.Hash(AgreementRules.Compose(original)), AgreementRules.Hash(AgreementRules.Compose(changed)));
    }

    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void Hash_Text_IsLowerCaseHexSha256(string text, string hash) =>
        Assert.Equal(hash, AgreementRules.Hash(text));

    [Fact]
    public void Hash_PoundSign_IsHashedAsUtf8()
    {
        // "£" is two bytes in UTF-8 (C2 A3) but one in Latin-1 (A3): the hash must be of the UTF-8 bytes.
        var utf8 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([0xC2, 0xA3]));

        Assert.Equal(utf8, AgreementRules.Hash("£"));
    }

    [Theory]
    [InlineData(30015, PaymentFrequency.FourWeekly, 120060)]
    [InlineData(30015, PaymentFrequency.Weekly, 30015)]
    [InlineData(30015, PaymentFrequency.Monthly, 130065)]
    [InlineData(0, PaymentFrequency.Monthly, 0)]
    [InlineData(1, PaymentFrequency.Monthly, 4)] // 4.33p rounds down
    [InlineData(2, PaymentFrequency.Monthly, 9)] // 8.67p rounds up
    [InlineData(3, PaymentFrequency.Monthly, 13)] // exactly 13p
    [InlineData(10001, PaymentFrequency.Monthly, 43338)] // 43,337.67p rounds up
    [InlineData(10000, PaymentFrequency.Monthly, 43333)] // 43,333.33p rounds down
    public void PerPayment_Frequency_TurnsTheWeeklyAmountIntoOnePayment(long weekly, PaymentFrequency frequency, long expected) =>
        Assert.Equal(new Money(expected), AgreementRules.PerPayment(new Money(weekly), frequency));

    [Fact]
    public void PerPayment_Monthly_CanNeverLandOnHalfAPenny()
    {
        // weekly × 52 / 12 = weekly × 13 / 3, so the fraction is always 0, 1/3 or 2/3 of a penny: the
        // "half up" rule never has a tie to break. Checked for every remainder modulo 12.
        for (var weekly = 0L; weekly < 12; weekly++)
        {
            Assert.NotEqual(6, weekly * 52 % 12);
            Assert.NotEqual(0.5m, (weekly * 52m / 12m) - decimal.Floor(weekly * 52m / 12m));
        }
    }

    [Fact]
    public void PerPayment_Monthly_IsATwelfthOf52WeeksNotFourWeeks() =>
        Assert.True(AgreementRules.PerPayment(new Money(42000), PaymentFrequency.Monthly) > AgreementRules.PerPayment(new Money(42000), PaymentFrequency.FourWeekly));

    private static AgreementVersion Version(int version = 2, AgreementStatus status = AgreementStatus.AwaitingSignatures)
    {
        var text = AgreementRules.Compose(Inputs() with { PlanVersion = version });
        return new AgreementVersion { Version = version, Status = status, Text = text, TextHash = AgreementRules.Hash(text) };
    }

    private static AgreementSignature Signature(SignerKind kind, string hash) => new()
    {
        Kind = kind,
        Side = AgreementRules.SideOf(kind),
        TypedName = "Amara Okafor",
        AccountName = "Amara Okafor",
        Confirmation = AgreementRules.Confirmation,
        SignedHash = hash,
    };

    [Theory]
    [InlineData("", false)]
    [InlineData("Person", false)]
    [InlineData("Representative", false)]
    [InlineData("Council", false)]
    [InlineData("Person,Representative", false)]
    [InlineData("Person,Council", true)]
    [InlineData("Representative,Council", true)]
    [InlineData("Council,Person", true)]
    [InlineData("old:Person,Council", false)] // the person signed an earlier text
    [InlineData("Person,old:Council", false)] // the council signed an earlier text
    [InlineData("old:Person,Representative,Council", true)]
    public void SignedByAll_Signatures_NeedBothSidesOnThisText(string signatures, bool expected)
    {
        var agreement = Version();
        foreach (var s in signatures.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var old = s.StartsWith("old:", StringComparison.Ordinal);
            var hash = old ? AgreementRules.Hash(agreement.Text + "changed") : agreement.TextHash;
            agreement.Signatures.Add(Signature(Enum.Parse<SignerKind>(old ? s[4..] : s), hash));
        }

        Assert.Equal(expected, AgreementRules.SignedByAll(agreement));
    }

    [Theory]
    [InlineData(SignerKind.Person)]
    [InlineData(SignerKind.Representative)]
    [InlineData(SignerKind.Council)]
    public void CheckSignature_LatestVersionAsSeen_IsAccepted(SignerKind kind)
    {
        var agreement = Version();

        Assert.Null(AgreementRules.CheckSignature(agreement, 2, kind, " Amara Okafor ", confirmed: true, agreement.TextHash));
    }

    [Theory]
    [InlineData(1, 2, AgreementStatus.AwaitingSignatures)]
    [InlineData(1, 3, AgreementStatus.Superseded)]
    [InlineData(2, 2, AgreementStatus.Superseded)]
    public void CheckSignature_OutdatedVersion_IsRefused(int version, int latest, AgreementStatus status)
    {
        var agreement = Version(version, status);

        var refusal = AgreementRules.CheckSignature(agreement, latest, SignerKind.Person, "Amara Okafor", confirmed: true, agreement.TextHash);

        Assert.Equal(new Refusal("outdated-version", $"Version {version} of the agreement has been replaced by version {latest}. Read the latest version and sign that instead"), refusal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public void CheckSignature_HashOfADifferentText_IsRefused(string? hashSeen)
    {
        var refusal = AgreementRules.CheckSignature(Version(), 2, SignerKind.Person, "Amara Okafor", confirmed: true, hashSeen);

        Assert.Equal("text-changed", refusal?.Code);
    }

    [Fact]
    public void CheckSignature_TextChangedAfterItWasOpened_IsRefused()
    {
        var agreement = Version();
        var seen = agreement.TextHash;
        agreement.Text += "\nA new line.";
        agreement.TextHash = AgreementRules.Hash(agreement.Text);

        Assert.Equal("text-changed", AgreementRules.CheckSignature(agreement, 2, SignerKind.Council, "Mark Evans", confirmed: true, seen)?.Code);
    }

    [Fact]
    public void CheckSignature_HashInUpperCase_IsNotTheSameHash()
    {
        var agreement = Version();

        Assert.Equal("text-changed", AgreementRules.CheckSignature(agreement, 2, SignerKind.Person, "Amara Okafor", confirmed: true, agreement.TextHash.ToUpperInvariant())?.Code);
    }

    [Theory]
    [InlineData(SignerKind.Person, SignerKind.Person, "The person or their representative has already signed this version")]
    [InlineData(SignerKind.Person, SignerKind.Representative, "The person or their representative has already signed this version")]
    [InlineData(SignerKind.Representative, SignerKind.Person, "The person or their representative has already signed this version")]
    [InlineData(SignerKind.Representative, SignerKind.Representative, "The person or their representative has already signed this version")]
    [InlineData(SignerKind.Council, SignerKind.Council, "The council has already signed this version")]
    public void CheckSignature_SameSideSignedAlready_IsRefused(SignerKind signedAlready, SignerKind signing, string message)
    {
        var agreement = Version();
        agreement.Signatures.Add(Signature(signedAlready, agreement.TextHash));

        var refusal = AgreementRules.CheckSignature(agreement, 2, signing, "Amara Okafor", confirmed: true, agreement.TextHash);

        Assert.Equal(new Refusal("already-signed", message), refusal);
    }

    [Theory]
    [InlineData(SignerKind.Person, SignerKind.Council)]
    [InlineData(SignerKind.Representative, SignerKind.Council)]
    [InlineData(SignerKind.Council, SignerKind.Person)]
    [InlineData(SignerKind.Council, SignerKind.Representative)]
    public void CheckSignature_OtherSideSignedAlready_IsAccepted(SignerKind signedAlready, SignerKind signing)
    {
        var agreement = Version();
        agreement.Signatures.Add(Signature(signedAlready, agreement.TextHash));

        Assert.Null(AgreementRules.CheckSignature(agreement, 2, signing, "Mark Evans", confirmed: true, agreement.TextHash));
    }

    [Theory]
    [InlineData(null, true, "name-missing")]
    [InlineData("", true, "name-missing")]
    [InlineData("   ", true, "name-missing")]
    [InlineData("Amara Okafor", false, "not-confirmed")]
    [InlineData(null, false, "name-missing")]
    public void CheckSignature_NameOrConfirmationMissing_IsRefused(string? typedName, bool confirmed, string code)
    {
        var agreement = Version();

        Assert.Equal(code, AgreementRules.CheckSignature(agreement, 2, SignerKind.Person, typedName, confirmed, agreement.TextHash)?.Code);
    }

    [Theory]
    [InlineData(200, null)]
    [InlineData(201, "name-too-long")]
    public void CheckSignature_NameLength_IsAtMost200Characters(int length, string? code)
    {
        var agreement = Version();

        var refusal = AgreementRules.CheckSignature(agreement, 2, SignerKind.Person, "  " + new string('A', length) + "  ", confirmed: true, agreement.TextHash);

        Assert.Equal(code, refusal?.Code);
    }

    [Theory]
    [InlineData(SignerKind.Person, "person")]
    [InlineData(SignerKind.Representative, "person")]
    [InlineData(SignerKind.Council, "council")]
    public void SideOf_Kind_PutsPersonAndRepresentativeOnOneSide(SignerKind kind, string side) =>
        Assert.Equal(side, AgreementRules.SideOf(kind));
}
