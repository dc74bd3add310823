using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class PlanAgreementRulesTests
{
    private static SupportPlan CompletePlan() => new()
    {
        Version = 2,
        Status = PlanStatus.Draft,
        ContingencyPlan = "My sister steps in",
        CanBeUsedFor = "Anything in the plan",
        Outcomes = [new PlanOutcome { InTheirWords = "Go swimming", HowItIsMet = "PA on Saturdays" }],
        Costs = [new PlanCost { Description = "PA", WeeklyPence = 5000, WeeklyMinutes = 180 }],
    };

    [Fact]
    public void CanAgree_CompleteDraft_IsAllowed() => Assert.Null(PlanAgreementRules.CanAgree(CompletePlan()));

    [Fact]
    public void CanAgree_Incomplete_SaysWhatIsMissing()
    {
        var plan = CompletePlan();
        plan.ContingencyPlan = null;
        Assert.Equal("The plan cannot be agreed yet. It still needs a contingency plan", PlanAgreementRules.CanAgree(plan)!.Message);
    }

    [Fact]
    public void CanAgree_AlreadyAgreed_IsRefused()
    {
        var plan = CompletePlan();
        plan.Status = PlanStatus.Agreed;
        Assert.Equal("Version 2 of the plan has already been agreed", PlanAgreementRules.CanAgree(plan)!.Message);
    }

    [Fact]
    public void Agree_Draft_RecordsWhoAndWhen()
    {
        var plan = CompletePlan();
        var at = new DateTime(2026, 5, 1, 10, 0, 0, DateTimeKind.Utc);
        var user = Guid.NewGuid();
        PlanAgreementRules.Agree(plan, user, "Amara Okafor", at);
        Assert.Equal((PlanStatus.Agreed, at, user, "Amara Okafor"), (plan.Status, plan.AgreedAt!.Value, plan.AgreedByUserId!.Value, plan.AgreedByName));
    }

    [Fact]
    public void Agree_Superseded_Throws()
    {
        var plan = CompletePlan();
        plan.Status = PlanStatus.Superseded;
        Assert.Throws<InvalidOperationException>(() => PlanAgreementRules.Agree(plan, null, "X", DateTime.UtcNow));
    }

    [Fact]
    public void RecordedBy_SaysWhoRecordedItAndHow() =>
        Assert.Equal("Recorded by Priya Shah: agreed on paper at a home visit", PlanAgreementRules.RecordedBy("Priya Shah", " agreed on paper at a home visit "));

    [Fact]
    public void ValidateRecorded_NotConfirmedAndNoHow_GivesBothErrors() =>
        Assert.Equal(["PersonAgreedConfirmed", "HowAgreed"], PlanAgreementRules.ValidateRecorded(false, " ").Select(e => e.Field));

    [Theory]
    [InlineData("", "Enter your comment")]
    [InlineData("long", "Your comment must be 2,000 characters or fewer")]
    public void ValidateComment_BadText_SaysWhatToDo(string text, string message)
    {
        var error = Assert.Single(PlanAgreementRules.ValidateComment(text == "long" ? new string('a', 2001) : text));
        Assert.Equal(message, error.Message);
    }
}
