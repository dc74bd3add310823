using DirectPayments.Domain.Journey;

namespace DirectPayments.Web.Features.Journey.Shared;

public enum StepStatus
{
    Done,
    Current,
    NotStarted,
}

/// <summary>Where an arrangement is along <see cref="StageExtensions.Path"/>, for the progress list.</summary>
public sealed record Progress(Stage Stage, IReadOnlyList<(Stage Stage, StepStatus Status)> Steps)
{
    /// <summary>
    /// The steps, given the current stage and the furthest step the arrangement reached (from its
    /// timeline): a paused direct payment is at the active step; an ended one shows the steps it got through.
    /// </summary>
    public static Progress For(Stage current, Stage furthestReached)
    {
        var path = StageExtensions.Path;
        var here = current switch
        {
            Stage.Suspended => path.Count - 1,
            Stage.Ended => -1,
            Stage.Enquiry or Stage.Assessment or Stage.Planning or Stage.Suitability or Stage.FundingDecision
                or Stage.Agreement or Stage.SetUp or Stage.Active => IndexOf(current),
        };
        var furthest = Math.Max(IndexOf(furthestReached), here);
        var steps = path.Select((stage, i) => (stage, i == here ? StepStatus.Current
            : i < here || (here == -1 && i <= furthest) ? StepStatus.Done
            : StepStatus.NotStarted)).ToList();
        return new Progress(current, steps);
    }

    /// <summary>The furthest step on the path among the stages an arrangement has been at.</summary>
    public static Stage Furthest(IEnumerable<Stage> stages) =>
        stages.Select(s => s == Stage.Suspended ? Stage.Active : s)
            .Where(s => IndexOf(s) >= 0)
            .DefaultIfEmpty(Stage.Enquiry)
            .MaxBy(IndexOf);

    /// <summary>Whether the arrangement has reached a step (so that step's page has something to show).</summary>
    public static bool HasReached(Stage furthest, Stage step) => IndexOf(step) >= 0 && IndexOf(step) <= IndexOf(furthest);

    private static int IndexOf(Stage stage) => StageExtensions.Path.ToList().IndexOf(stage);
}
