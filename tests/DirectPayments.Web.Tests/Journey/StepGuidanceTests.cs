using DirectPayments.Domain.Journey;
using DirectPayments.Web.Features.Journey.Shared;
using Xunit;

namespace DirectPayments.Web.Tests.Journey;

public sealed class StepGuidanceTests
{
    public static TheoryData<Stage> Stages() => [.. Enum.GetValues<Stage>()];

    [Theory]
    [MemberData(nameof(Stages))]
    public void For_EveryStage_GivesThreeToFiveSentencesAndHowLongItTakes(Stage stage)
    {
        var guide = StepGuidance.All[stage];
        Assert.Equal(stage, guide.Stage);
        Assert.InRange(guide.GoodPractice.Count, 3, 5);
        Assert.All(guide.GoodPractice, s => Assert.EndsWith(".", s, StringComparison.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(guide.UsualTime));
        Assert.False(string.IsNullOrWhiteSpace(StageTag.CssClass(stage)));
    }

    [Fact]
    public void Progress_PausedArrangement_IsCurrentAtTheActiveStep()
    {
        var progress = Progress.For(Stage.Suspended, Stage.Active);
        Assert.Equal(StepStatus.Current, progress.Steps[^1].Status);
        Assert.All(progress.Steps.SkipLast(1), s => Assert.Equal(StepStatus.Done, s.Status));
    }

    [Fact]
    public void Progress_EndedAtPlanning_ShowsTheStepsItGotThrough()
    {
        var progress = Progress.For(Stage.Ended, Stage.Planning);
        Assert.Equal([StepStatus.Done, StepStatus.Done, StepStatus.Done, StepStatus.NotStarted], progress.Steps.Take(4).Select(s => s.Status));
        Assert.DoesNotContain(progress.Steps, s => s.Status == StepStatus.Current);
    }
}
