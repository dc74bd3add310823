using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class SuitabilityRulesTests
{
    private static readonly DateOnly Today = new(2026, 9, 15);

    /// <summary>Facts that meet every condition of the route: the starting point each test changes one thing in.</summary>
    private static SuitabilityFacts AllMet(LegalRoute route) => new()
    {
        Route = route,
        Requested = Answer.Yes,
        HasCapacityToRequest = Answer.Yes,
        NomineeAgrees = Answer.Yes,
        Authorisation = AuthorisationBasis.MentalCapacityActAttorneyOrDeputy,
        AttorneySupportsRequest = Answer.Yes,
        ActsInBestInterests = Answer.Yes,
        AuthorisedPersonIsFamilyOrFriend = true,
        HasParentalResponsibilityOrIs16Or17 = Answer.Yes,
        CapableWithHelp = Answer.Yes,
        Appropriate = Answer.Yes,
    };

    private static IReadOnlyList<ConditionResult> Evaluate(SuitabilityFacts facts) => SuitabilityRules.Evaluate(facts, Today);

    private static string Codes(SuitabilityFacts facts) => string.Join(",", Evaluate(facts).Select(r => r.Code));

    private static ConditionResult Condition(SuitabilityFacts facts, string code) => Assert.Single(Evaluate(facts), r => r.Code == code);

    [Theory]
    [InlineData(LegalRoute.AdultWithCapacity, false, "requested,capacity,not-excluded,capable,appropriate")]
    [InlineData(LegalRoute.AdultWithCapacity, true, "requested,capacity,nominee-agrees,not-excluded,capable,appropriate")]
    [InlineData(LegalRoute.Carer, false, "requested,capacity,not-excluded,capable,appropriate")]
    [InlineData(LegalRoute.Carer, true, "requested,capacity,nominee-agrees,not-excluded,capable,appropriate")]
    [InlineData(LegalRoute.Child, false, "requested,parental-responsibility,not-excluded,capable,appropriate")]
    [InlineData(LegalRoute.Child, true, "requested,parental-responsibility,not-excluded,capable,appropriate")]
    public void Evaluate_Route_AsksItsOwnConditions(LegalRoute route, bool hasNominee, string codes) =>
        Assert.Equal(codes, Codes(AllMet(route) with { HasNominee = hasNominee }));

    [Theory]
    [InlineData(AuthorisationBasis.MentalCapacityActAttorneyOrDeputy, true, "requested,authorised,best-interests,not-excluded,capable,appropriate")]
    [InlineData(AuthorisationBasis.AgreedByAttorneyOrDeputy, true, "requested,authorised,attorney-supports,best-interests,not-excluded,capable,appropriate")]
    [InlineData(AuthorisationBasis.ConsideredSuitableByCouncil, true, "requested,authorised,best-interests,not-excluded,capable,appropriate")]
    [InlineData(AuthorisationBasis.MentalCapacityActAttorneyOrDeputy, false, "requested,authorised,best-interests,dbs,not-excluded,capable,appropriate")]
    [InlineData(AuthorisationBasis.AgreedByAttorneyOrDeputy, false, "requested,authorised,attorney-supports,best-interests,dbs,not-excluded,capable,appropriate")]
    [InlineData(AuthorisationBasis.ConsideredSuitableByCouncil, false, "requested,authorised,best-interests,dbs,not-excluded,capable,appropriate")]
    public void Evaluate_LackingCapacity_AsksTheSection32ConditionsForTheBasis(AuthorisationBasis basis, bool familyOrFriend, string codes) =>
        Assert.Equal(codes, Codes(AllMet(LegalRoute.AdultLackingCapacity) with { Authorisation = basis, AuthorisedPersonIsFamilyOrFriend = familyOrFriend }));

    [Theory]
    [InlineData(LegalRoute.AdultWithCapacity)]
    [InlineData(LegalRoute.AdultLackingCapacity)]
    [InlineData(LegalRoute.Child)]
    [InlineData(LegalRoute.Carer)]
    public void Evaluate_EveryConditionMet_IsSuitable(LegalRoute route)
    {
        var results = Evaluate(AllMet(route) with { HasNominee = true });

        Assert.All(results, r => Assert.True(r.Met, r.Code));
        Assert.Equal(SuitabilityOutcome.Suitable, SuitabilityRules.Outcome(results));
    }

    [Theory]
    [InlineData(LegalRoute.AdultWithCapacity, "requested")]
    [InlineData(LegalRoute.AdultWithCapacity, "capacity")]
    [InlineData(LegalRoute.AdultWithCapacity, "nominee-agrees")]
    [InlineData(LegalRoute.AdultWithCapacity, "capable")]
    [InlineData(LegalRoute.AdultWithCapacity, "appropriate")]
    [InlineData(LegalRoute.Carer, "requested")]
    [InlineData(LegalRoute.Carer, "capacity")]
    [InlineData(LegalRoute.Carer, "nominee-agrees")]
    [InlineData(LegalRoute.Carer, "capable")]
    [InlineData(LegalRoute.Carer, "appropriate")]
    [InlineData(LegalRoute.AdultLackingCapacity, "requested")]
    [InlineData(LegalRoute.AdultLackingCapacity, "attorney-supports")]
    [InlineData(LegalRoute.AdultLackingCapacity, "best-interests")]
    [InlineData(LegalRoute.AdultLackingCapacity, "capable")]
    [InlineData(LegalRoute.AdultLackingCapacity, "appropriate")]
    [InlineData(LegalRoute.Child, "requested")]
    [InlineData(LegalRoute.Child, "parental-responsibility")]
    [InlineData(LegalRoute.Child, "capable")]
    [InlineData(LegalRoute.Child, "appropriate")]
    public void Evaluate_EachAnswer_DecidesItsCondition(LegalRoute route, string code)
    {
        var baseline = AllMet(route) with { HasNominee = true, Authorisation = AuthorisationBasis.AgreedByAttorneyOrDeputy };

        var yes = Evaluate(With(baseline, code, Answer.Yes));
        var no = Evaluate(With(baseline, code, Answer.No));
        var notAnswered = Evaluate(With(baseline, code, Answer.NotAnswered));

        Assert.True(Assert.Single(yes, r => r.Code == code).Met);
        Assert.False(Assert.Single(no, r => r.Code == code).Met);
        Assert.Null(Assert.Single(notAnswered, r => r.Code == code).Met);
        Assert.Equal(SuitabilityOutcome.Suitable, SuitabilityRules.Outcome(yes));
        Assert.Equal(SuitabilityOutcome.Refused, SuitabilityRules.Outcome(no));
        Assert.Null(SuitabilityRules.Outcome(notAnswered));
        // The other conditions stay met: one answer decides one condition.
        Assert.All(no.Where(r => r.Code != code), r => Assert.True(r.Met, r.Code));
    }

    [Theory]
    [InlineData(LegalRoute.AdultWithCapacity)]
    [InlineData(LegalRoute.Carer)]
    public void Evaluate_NoNominee_IgnoresTheNomineeAnswer(LegalRoute route) =>
        Assert.Equal(SuitabilityOutcome.Suitable,
            SuitabilityRules.Outcome(Evaluate(AllMet(route) with { HasNominee = false, NomineeAgrees = Answer.No })));

    [Theory]
    [InlineData(LegalRoute.AdultWithCapacity)]
    [InlineData(LegalRoute.Carer)]
    [InlineData(LegalRoute.Child)]
    public void Evaluate_OtherRoutesQuestions_AreIgnored(LegalRoute route)
    {
        var facts = AllMet(route) with
        {
            Authorisation = null,
            AttorneySupportsRequest = Answer.No,
            ActsInBestInterests = Answer.No,
            AuthorisedPersonIsFamilyOrFriend = false,
            HasParentalResponsibilityOrIs16Or17 = route == LegalRoute.Child ? Answer.Yes : Answer.No,
            HasCapacityToRequest = route == LegalRoute.Child ? Answer.No : Answer.Yes,
        };

        Assert.Equal(SuitabilityOutcome.Suitable, SuitabilityRules.Outcome(Evaluate(facts)));
    }

    [Fact]
    public void Evaluate_LackingCapacityWithoutAuthorisation_IsNotAnswered()
    {
        var facts = AllMet(LegalRoute.AdultLackingCapacity) with { Authorisation = null };

        Assert.Null(Condition(facts, "authorised").Met);
        Assert.Null(SuitabilityRules.Outcome(Evaluate(facts)));
    }

    [Theory]
    [InlineData(AuthorisationBasis.MentalCapacityActAttorneyOrDeputy)]
    [InlineData(AuthorisationBasis.ConsideredSuitableByCouncil)]
    public void Evaluate_AuthorisedPersonHoldsOrNobodyHoldsAuthority_AttorneySupportIsNotNeeded(AuthorisationBasis basis) =>
        Assert.Equal(SuitabilityOutcome.Suitable, SuitabilityRules.Outcome(Evaluate(
            AllMet(LegalRoute.AdultLackingCapacity) with { Authorisation = basis, AttorneySupportsRequest = Answer.No })));

    [Theory]
    [InlineData(null, null)]
    [InlineData("2020-01-10", true)]
    [InlineData("2026-09-14", true)] // yesterday
    [InlineData("2026-09-15", true)] // today
    [InlineData("2026-09-16", null)] // tomorrow: not done yet
    [InlineData("2027-01-01", null)]
    public void Evaluate_AuthorisedPersonNotFamilyOrFriend_NeedsADbsCheckDoneByToday(string? checkedOn, bool? met)
    {
        var facts = AllMet(LegalRoute.AdultLackingCapacity) with
        {
            AuthorisedPersonIsFamilyOrFriend = false,
            AuthorisedPersonDbsCheckedOn = checkedOn is null ? null : Date(checkedOn),
        };

        var dbs = Condition(facts, "dbs");

        Assert.Equal(met, dbs.Met);
        Assert.Equal(met == true ? SuitabilityOutcome.Suitable : null, SuitabilityRules.Outcome(Evaluate(facts)));
    }

    [Fact]
    public void Evaluate_DbsCheckDone_SaysWhenInEnglish() =>
        Assert.Contains("on 14 September 2026", Condition(AllMet(LegalRoute.AdultLackingCapacity) with
        {
            AuthorisedPersonIsFamilyOrFriend = false,
            AuthorisedPersonDbsCheckedOn = new DateOnly(2026, 9, 14),
        }, "dbs").Explanation, StringComparison.Ordinal);

    [Theory]
    [InlineData(LegalRoute.AdultWithCapacity, false, null, true)]
    [InlineData(LegalRoute.AdultWithCapacity, true, null, false)] // no end date: still in force
    [InlineData(LegalRoute.AdultWithCapacity, true, "2027-03-01", false)]
    [InlineData(LegalRoute.AdultWithCapacity, true, "2026-09-15", false)] // ends today: still in force today
    [InlineData(LegalRoute.AdultWithCapacity, true, "2026-09-14", true)] // ended yesterday: lifted
    [InlineData(LegalRoute.AdultWithCapacity, true, "2025-01-01", true)]
    [InlineData(LegalRoute.AdultLackingCapacity, true, null, false)]
    [InlineData(LegalRoute.AdultLackingCapacity, true, "2026-09-14", true)]
    [InlineData(LegalRoute.Child, true, null, false)]
    [InlineData(LegalRoute.Child, true, "2026-09-14", true)]
    [InlineData(LegalRoute.Carer, true, null, false)]
    [InlineData(LegalRoute.Carer, true, "2026-09-14", true)]
    public void Evaluate_CriminalJusticeRequirement_ExcludesUntilItHasEnded(LegalRoute route, bool under, string? endsOn, bool notExcluded)
    {
        var facts = AllMet(route) with
        {
            UnderCriminalJusticeRequirement = under,
            CriminalJusticeRequirementEndsOn = endsOn is null ? null : Date(endsOn),
        };

        Assert.Equal(notExcluded, Condition(facts, "not-excluded").Met);
        Assert.Equal(notExcluded ? SuitabilityOutcome.Suitable : SuitabilityOutcome.Refused, SuitabilityRules.Outcome(Evaluate(facts)));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("  Her daughter is the only person she will accept personal care from.  ", true)]
    public void Evaluate_PaysCloseFamilyInHousehold_NeedsTheCouncilsReasons(string? reasons, bool? met)
    {
        var facts = AllMet(LegalRoute.AdultWithCapacity) with { PaysCloseFamilyInHousehold = true, FamilyPaymentNecessaryBecause = reasons };

        var family = Condition(facts, "family");

        Assert.Equal(met, family.Met);
        Assert.Equal(met == true ? SuitabilityOutcome.Suitable : null, SuitabilityRules.Outcome(Evaluate(facts)));
        if (met == true)
        {
            Assert.EndsWith("because: Her daughter is the only person she will accept personal care from.", family.Explanation, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_DoesNotPayFamily_HasNoFamilyCondition() =>
        Assert.DoesNotContain(Evaluate(AllMet(LegalRoute.AdultWithCapacity) with { FamilyPaymentNecessaryBecause = "ignored" }), r => r.Code == "family");

    [Fact]
    public void Evaluate_HelpRecorded_ExplainsTheHelp() =>
        Assert.Equal("The person who will manage the money can do so with help: a managed account",
            Condition(AllMet(LegalRoute.AdultWithCapacity) with { HelpAvailable = " a managed account " }, "capable").Explanation);

    [Fact]
    public void Evaluate_Child_AsksAboutTheChildsWelfare() =>
        Assert.Equal("A direct payment promotes the child's welfare", Condition(AllMet(LegalRoute.Child), "appropriate").Condition);

    [Fact]
    public void Evaluate_NothingAnswered_IsNotDecided()
    {
        var results = Evaluate(new SuitabilityFacts { Route = LegalRoute.AdultWithCapacity });

        Assert.Null(SuitabilityRules.Outcome(results));
        Assert.All(results.Where(r => r.Code != "not-excluded"), r => Assert.Null(r.Met));
    }

    [Theory]
    [InlineData(new[] { "yes", "yes", "yes" }, SuitabilityOutcome.Suitable)]
    [InlineData(new[] { "yes", "no", "yes" }, SuitabilityOutcome.Refused)]
    [InlineData(new[] { "yes", "no", "unanswered" }, SuitabilityOutcome.Refused)]
    [InlineData(new[] { "unanswered", "yes", "yes" }, null)]
    public void Outcome_Answers_SuitableOnlyWhenAllMet(string[] answers, SuitabilityOutcome? expected)
    {
        var results = answers.Select((a, i) => new ConditionResult($"c{i}", $"Condition {i}", a switch
        {
            "yes" => true,
            "no" => false,
            _ => null,
        }, "")).ToList();

        Assert.Equal(expected, SuitabilityRules.Outcome(results));
    }

    [Fact]
    public void ValidateDecision_NoDecision_AsksForOne()
    {
        var error = Assert.Single(SuitabilityRules.ValidateDecision(Evaluate(AllMet(LegalRoute.AdultWithCapacity)), null, null, null));

        Assert.Equal(new FieldError("Decision", "Select whether a direct payment is suitable"), error);
    }

    [Fact]
    public void ValidateDecision_SuitableWithEveryConditionMet_IsAccepted() =>
        Assert.Empty(SuitabilityRules.ValidateDecision(Evaluate(AllMet(LegalRoute.AdultWithCapacity)), SuitabilityOutcome.Suitable, null, null));

    [Theory]
    [InlineData(Answer.No, "A direct payment cannot be agreed yet: the adult has capacity to ask for a direct payment is not met")]
    [InlineData(Answer.NotAnswered, "A direct payment cannot be agreed yet: the adult has capacity to ask for a direct payment is not answered")]
    public void ValidateDecision_SuitableWhileAConditionIsNotMet_NamesTheCondition(Answer capacity, string message)
    {
        var results = Evaluate(AllMet(LegalRoute.AdultWithCapacity) with { HasCapacityToRequest = capacity });

        var error = Assert.Single(SuitabilityRules.ValidateDecision(results, SuitabilityOutcome.Suitable, null, null));

        Assert.Equal(new FieldError("Decision", message), error);
    }

    [Fact]
    public void ValidateDecision_SuitableWhileExcluded_NamesTheExclusion()
    {
        var results = Evaluate(AllMet(LegalRoute.AdultWithCapacity) with { UnderCriminalJusticeRequirement = true });

        var error = Assert.Single(SuitabilityRules.ValidateDecision(results, SuitabilityOutcome.Suitable, null, null));

        Assert.Contains("not excluded by a drug or alcohol requirement of a criminal court is not met", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateDecision_RefusalWhileEveryConditionIsMet_IsRefused()
    {
        var error = Assert.Single(SuitabilityRules.ValidateDecision(Evaluate(AllMet(LegalRoute.AdultWithCapacity)),
            SuitabilityOutcome.Refused, RefusalReason.NotAppropriate, "Your needs are better met by the day centre you already use."));

        Assert.Equal("Decision", error.Field);
        Assert.StartsWith("Every condition is met, so the law says the council must make the direct payment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateDecision_RefusalWithCodeAndReasons_IsAccepted() =>
        Assert.Empty(SuitabilityRules.ValidateDecision(Evaluate(AllMet(LegalRoute.AdultWithCapacity) with { Appropriate = Answer.No }),
            SuitabilityOutcome.Refused, RefusalReason.NotAppropriate, "Your needs are better met by the day centre you already use."));

    [Theory]
    [InlineData(null, "Your needs are better met by the day centre.", "RefusalReason", "Select the main reason for refusing")]
    [InlineData(RefusalReason.NotAppropriate, null, "Reasons", "Enter the reasons for refusing, in words the person can understand")]
    [InlineData(RefusalReason.NotAppropriate, "", "Reasons", "Enter the reasons for refusing, in words the person can understand")]
    [InlineData(RefusalReason.NotAppropriate, "   ", "Reasons", "Enter the reasons for refusing, in words the person can understand")]
    [InlineData(RefusalReason.NotAppropriate, "Not appropriate now", "Reasons", "Explain the reasons in at least one full sentence: the person will read this")]
    [InlineData(RefusalReason.NotAppropriate, "     Not appropriate now     ", "Reasons", "Explain the reasons in at least one full sentence: the person will read this")]
    public void ValidateDecision_RefusalWithoutCodeOrReasons_SaysWhatIsMissing(RefusalReason? reason, string? reasons, string field, string message)
    {
        var results = Evaluate(AllMet(LegalRoute.AdultWithCapacity) with { Appropriate = Answer.No });

        var error = Assert.Single(SuitabilityRules.ValidateDecision(results, SuitabilityOutcome.Refused, reason, reasons));

        Assert.Equal(new FieldError(field, message), error);
    }

    [Fact]
    public void ValidateDecision_RefusalReasonsOfExactly20Characters_AreEnough()
    {
        Assert.Equal(19, "Not appropriate now".Length);
        var results = Evaluate(AllMet(LegalRoute.AdultWithCapacity) with { Appropriate = Answer.No });

        Assert.Empty(SuitabilityRules.ValidateDecision(results, SuitabilityOutcome.Refused, RefusalReason.NotAppropriate, "Not appropriate now."));
    }

    [Fact]
    public void ValidateDecision_RefusalWithNeitherCodeNorReasons_GivesBothErrors()
    {
        var errors = SuitabilityRules.ValidateDecision(Evaluate(AllMet(LegalRoute.Child) with { Appropriate = Answer.No }), SuitabilityOutcome.Refused, null, null);

        Assert.Equal(["RefusalReason", "Reasons"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(SuitabilityOutcome.Refused, 4001, 1)]
    [InlineData(SuitabilityOutcome.Refused, 4000, 0)]
    [InlineData(SuitabilityOutcome.Suitable, 4001, 1)]
    [InlineData(SuitabilityOutcome.Suitable, 4000, 0)]
    public void ValidateDecision_ReasonsOver4000Characters_AreRefused(SuitabilityOutcome decision, int length, int errors)
    {
        var results = Evaluate(AllMet(LegalRoute.AdultWithCapacity) with { Appropriate = decision == SuitabilityOutcome.Refused ? Answer.No : Answer.Yes });

        var found = SuitabilityRules.ValidateDecision(results, decision, RefusalReason.NotAppropriate, new string('a', length));

        Assert.Equal(errors, found.Count);
        Assert.All(found, e => Assert.Equal(new FieldError("Reasons", "Reasons must be 4,000 characters or fewer"), e));
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static SuitabilityFacts With(SuitabilityFacts facts, string code, Answer answer) => code switch
    {
        "requested" => facts with { Requested = answer },
        "capacity" => facts with { HasCapacityToRequest = answer },
        "nominee-agrees" => facts with { NomineeAgrees = answer },
        "attorney-supports" => facts with { AttorneySupportsRequest = answer },
        "best-interests" => facts with { ActsInBestInterests = answer },
        "parental-responsibility" => facts with { HasParentalResponsibilityOrIs16Or17 = answer },
        "capable" => facts with { CapableWithHelp = answer },
        "appropriate" => facts with { Appropriate = answer },
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown condition"),
    };
}
