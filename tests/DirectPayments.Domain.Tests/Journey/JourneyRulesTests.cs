using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class JourneyRulesTests
{
    /// <summary>
    /// The state machine of DESIGN.md section 3.1, written out by hand: a row for each stage moved
    /// from, a column for each stage moved to, in <see cref="Stage"/> order. "F" is a forward move,
    /// "B" a move back a step, "P" pause, "R" resume, "E" ending, "." no edge.
    /// </summary>
    private static readonly string[] EdgeTable =
    [
        //  to: Enq Ass Pla Sui Fun Agr Set Act Sus End
        /* Enquiry         */ ". F . . . . . . . E",
        /* Assessment      */ ". . F . . . . . . E",
        /* Planning        */ ". B . F . . . . . E",
        /* Suitability     */ ". . B . F . . . . E",
        /* FundingDecision */ ". . B . . F . . . E",
        /* Agreement       */ ". . B . . . F . . E",
        /* SetUp           */ ". . . . . . . F . E",
        /* Active          */ ". . . . . . . . P E",
        /* Suspended       */ ". . . . . . . R . E",
        /* Ended           */ ". . . . . . . . . .",
    ];

    private static readonly Stage[] Stages = Enum.GetValues<Stage>();

    /// <summary>Every fact a guard reads, in the state that lets every move go ahead.</summary>
    private static readonly JourneyFacts Complete = new()
    {
        AssessmentOutcomeRecorded = true,
        IndicativeBudgetSet = true,
        PlanComplete = true,
        PlanAgreedByPerson = true,
        Suitability = SuitabilityOutcome.Suitable,
        Funding = FundingOutcome.Approved,
        CurrentAgreementSignedByAll = true,
        PaymentMethod = Domain.Journey.PaymentMethod.PrepaymentCard,
        FirstPaymentDate = new DateOnly(2026, 9, 1),
        SignUpVisitComplete = true,
    };

    private static char Kind(Stage from, Stage to) => EdgeTable[(int)from].Split(' ')[(int)to][0];

    private static bool Expected(Stage from, Stage to) => Kind(from, to) != '.';

    private static IEnumerable<(Stage From, Stage To)> Pairs() =>
        Stages.SelectMany(from => Stages.Select(to => (from, to)));

    public static TheoryData<Stage, Stage> EveryPair() => [.. Pairs()];

    /// <summary>The table's edges of the given kinds, such as "BPRE" for every move that needs a reason.</summary>
    public static TheoryData<Stage, Stage> Edges(string kinds) =>
        [.. Pairs().Where(p => kinds.Contains(Kind(p.From, p.To), StringComparison.Ordinal))];

    public static TheoryData<Stage> AllStages() => [.. Stages];

    [Fact]
    public void EdgeTable_CoversEveryStage_TenByTen()
    {
        Assert.Equal(10, Stages.Length);
        Assert.Equal(Stages.Length, EdgeTable.Length);
        Assert.All(EdgeTable, row => Assert.Equal(Stages.Length, row.Split(' ').Length));
        // 7 forward, 4 back, pause, resume, and an ending from each of the 9 stages before Ended.
        Assert.Equal(22, Pairs().Count(p => Expected(p.From, p.To)));
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void IsEdge_EveryPair_MatchesTheTable(Stage from, Stage to) =>
        Assert.Equal(Expected(from, to), JourneyRules.IsEdge(from, to));

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Check_EveryPairWithCompleteFactsAndReason_AllowsExactlyTheEdges(Stage from, Stage to)
    {
        var refusal = JourneyRules.Check(from, new MoveRequest(to, Mover.Council, "Agreed with the person at the review"), Complete);

        if (Expected(from, to))
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.NotNull(refusal);
            Assert.Equal(from == to ? "same-stage" : "not-allowed", refusal.Code);
            Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        }
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Check_FromEnded_SaysStartANewEnquiry(Stage to)
    {
        var refusal = JourneyRules.Check(Stage.Ended, new MoveRequest(to, Mover.Council, "Wants it back"), Complete);

        Assert.NotNull(refusal);
        if (to == Stage.Ended)
        {
            Assert.Equal("same-stage", refusal.Code);
        }
        else
        {
            Assert.Equal("not-allowed", refusal.Code);
            Assert.Contains("Start a new enquiry", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_NotAnEdge_NamesBothStages()
    {
        var refusal = JourneyRules.Check(Stage.Enquiry, new MoveRequest(Stage.Active, Mover.Council, null), Complete);

        Assert.Equal(new Refusal("not-allowed", "A direct payment cannot move from enquiry to active"), refusal);
    }

    [Theory]
    [MemberData(nameof(AllStages))]
    public void Targets_EachStage_AreExactlyItsEdges(Stage from) =>
        Assert.Equal(Stages.Where(to => Expected(from, to)), JourneyRules.Targets(from));

    [Theory]
    [MemberData(nameof(AllStages))]
    public void NextForward_EachStage_IsTheForwardEdgeOnThePath(Stage from)
    {
        var next = JourneyRules.NextForward(from);
        var forward = Stages.Where(to => Kind(from, to) == 'F').ToList();

        if (forward.Count == 0)
        {
            Assert.Null(next);
        }
        else
        {
            Assert.Equal(Assert.Single(forward), next);
            Assert.True(JourneyRules.IsEdge(from, next!.Value));
            var path = StageExtensions.Path.ToList();
            Assert.Equal(path[path.IndexOf(from) + 1], next);
        }
    }

    [Fact]
    public void NextForward_FollowedFromEnquiry_WalksThePathToActive()
    {
        var walked = new List<Stage> { Stage.Enquiry };
        while (JourneyRules.NextForward(walked[^1]) is { } next)
        {
            walked.Add(next);
        }

        Assert.Equal(StageExtensions.Path, walked);
    }

    [Theory]
    // Assessment to support planning
    [InlineData(Stage.Assessment, Stage.Planning, "no-assessment-outcome", "assessment-outcome-missing")]
    [InlineData(Stage.Assessment, Stage.Planning, "no-indicative-budget", "indicative-budget-missing")]
    // Support planning to suitability
    [InlineData(Stage.Planning, Stage.Suitability, "plan-incomplete", "plan-incomplete")]
    [InlineData(Stage.Planning, Stage.Suitability, "plan-not-agreed", "plan-not-agreed")]
    // Suitability to funding decision
    [InlineData(Stage.Suitability, Stage.FundingDecision, "no-suitability", "suitability-missing")]
    [InlineData(Stage.Suitability, Stage.FundingDecision, "suitability-refused", "suitability-refused")]
    // Funding decision to agreement
    [InlineData(Stage.FundingDecision, Stage.Agreement, "no-funding", "funding-missing")]
    [InlineData(Stage.FundingDecision, Stage.Agreement, "funding-returned", "funding-returned")]
    // Agreement to set-up
    [InlineData(Stage.Agreement, Stage.SetUp, "agreement-unsigned", "agreement-unsigned")]
    // Set-up to active
    [InlineData(Stage.SetUp, Stage.Active, "no-payment-method", "payment-method-missing")]
    [InlineData(Stage.SetUp, Stage.Active, "no-first-payment", "first-payment-missing")]
    [InlineData(Stage.SetUp, Stage.Active, "sign-up-visit-incomplete", "sign-up-visit-incomplete")]
    public void Check_OneFactMissing_RefusesWithItsCode(Stage from, Stage to, string missing, string code)
    {
        var facts = Without(missing);

        var refusal = JourneyRules.Check(from, new MoveRequest(to, Mover.Council, null), facts);

        Assert.NotNull(refusal);
        Assert.Equal(code, refusal.Code);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
    }

    [Theory]
    [InlineData("no-assessment-outcome")]
    [InlineData("no-indicative-budget")]
    [InlineData("plan-incomplete")]
    [InlineData("plan-not-agreed")]
    [InlineData("no-suitability")]
    [InlineData("suitability-refused")]
    [InlineData("no-funding")]
    [InlineData("funding-returned")]
    [InlineData("agreement-unsigned")]
    [InlineData("no-payment-method")]
    [InlineData("no-first-payment")]
    [InlineData("sign-up-visit-incomplete")]
    public void Check_OneFactMissing_BlocksOnlyItsOwnMove(string missing)
    {
        var facts = Without(missing);
        var blocked = Pairs()
            .Where(p => Expected(p.From, p.To))
            .Where(p => JourneyRules.Check(p.From, new MoveRequest(p.To, Mover.Council, "A reason"), facts) is not null);

        Assert.Single(blocked);
    }

    [Fact]
    public void Check_FundingApprovedAtADifferentAmount_MayGoToAgreement() =>
        Assert.Null(JourneyRules.Check(Stage.FundingDecision, new MoveRequest(Stage.Agreement, Mover.Council, null),
            Complete with { Funding = FundingOutcome.ApprovedDifferentAmount }));

    [Fact]
    public void Check_NothingKnown_AssessmentOutcomeIsAskedForBeforeTheBudget() =>
        Assert.Equal("assessment-outcome-missing",
            JourneyRules.Check(Stage.Assessment, new MoveRequest(Stage.Planning, Mover.Council, null), new JourneyFacts())?.Code);

    [Theory]
    [MemberData(nameof(Edges), "BPRE")]
    public void Check_MovesWithoutAGuard_NeedNoFacts(Stage from, Stage to) =>
        Assert.Null(JourneyRules.Check(from, new MoveRequest(to, Mover.Council, "The person asked"), new JourneyFacts()));

    [Fact]
    public void Check_EnquiryToAssessment_NeedsNoFacts() =>
        Assert.Null(JourneyRules.Check(Stage.Enquiry, new MoveRequest(Stage.Assessment, Mover.Council, null), new JourneyFacts()));

    [Theory]
    [MemberData(nameof(Edges), "BPRE")]
    public void Check_PauseResumeBackOrEndWithoutReason_AsksWhy(Stage from, Stage to)
    {
        foreach (var reason in new[] { null, "", " ", "  \t\n " })
        {
            var refusal = JourneyRules.Check(from, new MoveRequest(to, Mover.Council, reason), Complete);

            Assert.NotNull(refusal);
            Assert.Equal("reason-required", refusal.Code);
            Assert.Equal(Kind(from, to) switch
            {
                'E' => "Enter why the direct payment is ending",
                'P' => "Enter why the direct payment is being paused",
                'R' => "Enter why the direct payment can start again",
                _ => "Enter why the direct payment is going back a step",
            }, refusal.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Edges), "F")]
    public void Check_ForwardMoveWithoutReason_IsAllowed(Stage from, Stage to) =>
        Assert.Null(JourneyRules.Check(from, new MoveRequest(to, Mover.Council, null), Complete));

    [Theory]
    [MemberData(nameof(Edges), "FBPRE")]
    public void Check_ReasonOver2000Characters_IsRefused(Stage from, Stage to)
    {
        var refusal = JourneyRules.Check(from, new MoveRequest(to, Mover.Council, new string('a', 2001)), Complete);

        Assert.Equal(new Refusal("reason-too-long", "The reason must be 2,000 characters or fewer"), refusal);
    }

    [Theory]
    [MemberData(nameof(Edges), "FBPRE")]
    public void Check_ReasonOfExactly2000Characters_IsAllowed(Stage from, Stage to) =>
        Assert.Null(JourneyRules.Check(from, new MoveRequest(to, Mover.Council, new string('a', 2000)), Complete));

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Check_ThePerson_MayOnlyEnd(Stage from, Stage to)
    {
        var refusal = JourneyRules.Check(from, new MoveRequest(to, Mover.Person, "I want to stop"), Complete);

        switch (Kind(from, to))
        {
            case 'E':
                Assert.Null(refusal);
                break;
            case '.':
                Assert.Equal(from == to ? "same-stage" : "not-allowed", refusal?.Code);
                break;
            default:
                Assert.Equal("council-only", refusal?.Code);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Edges), "E")]
    public void Check_ThePersonEndingWithoutReason_AsksWhy(Stage from, Stage to) =>
        Assert.Equal("reason-required", JourneyRules.Check(from, new MoveRequest(to, Mover.Person, " "), Complete)?.Code);

    [Fact]
    public void Check_SameStage_SaysWhereItIs() =>
        Assert.Equal(new Refusal("same-stage", "The direct payment is already at support planning"),
            JourneyRules.Check(Stage.Planning, new MoveRequest(Stage.Planning, Mover.Council, "x"), Complete));

    private static JourneyFacts Without(string missing) => missing switch
    {
        "no-assessment-outcome" => Complete with { AssessmentOutcomeRecorded = false },
        "no-indicative-budget" => Complete with { IndicativeBudgetSet = false },
        "plan-incomplete" => Complete with { PlanComplete = false },
        "plan-not-agreed" => Complete with { PlanAgreedByPerson = false },
        "no-suitability" => Complete with { Suitability = null },
        "suitability-refused" => Complete with { Suitability = SuitabilityOutcome.Refused },
        "no-funding" => Complete with { Funding = null },
        "funding-returned" => Complete with { Funding = FundingOutcome.ReturnedForChanges },
        "agreement-unsigned" => Complete with { CurrentAgreementSignedByAll = false },
        "no-payment-method" => Complete with { PaymentMethod = null },
        "no-first-payment" => Complete with { FirstPaymentDate = null },
        "sign-up-visit-incomplete" => Complete with { SignUpVisitComplete = false },
        _ => throw new ArgumentOutOfRangeException(nameof(missing), missing, "Unknown fact"),
    };
}
