using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class PlanEditingTests
{
    private static PlanEdit Check(IReadOnlyList<OutcomeRow>? outcomes = null, IReadOnlyList<CostRow>? costs = null) =>
        PlanEditing.Check(outcomes ?? [], costs ?? [], "Call my sister", null, "Anything in the plan");

    [Theory]
    [InlineData("7.5", 450)]
    [InlineData("8", 480)]
    [InlineData("0", 0)]
    [InlineData("", 0)]
    [InlineData("168", 10080)]
    [InlineData("0.25", 15)]
    public void ParseHours_Number_GivesMinutes(string text, int minutes) => Assert.Equal(minutes, PlanEditing.ParseHours(text));

    [Theory]
    [InlineData("168.5")]
    [InlineData("-1")]
    [InlineData("seven")]
    [InlineData("7,5")]
    public void ParseHours_NotHoursInAWeek_IsNull(string text) => Assert.Null(PlanEditing.ParseHours(text));

    [Theory]
    [InlineData(450, "7.5")]
    [InlineData(480, "8")]
    [InlineData(435, "7.25")]
    public void Hours_Minutes_ShowAsHours(int minutes, string hours) => Assert.Equal(hours, PlanEditing.Hours(minutes));

    [Fact]
    public void Check_BlankRows_AreIgnored()
    {
        var edit = Check([new OutcomeRow(" ", null), new OutcomeRow("Go swimming", "A PA on Saturdays")], [new CostRow(null, "", " ", null)]);
        Assert.Empty(edit.Errors);
        var outcome = Assert.Single(edit.Outcomes);
        Assert.Equal((1, "Go swimming"), (outcome.Order, outcome.InTheirWords));
        Assert.Empty(edit.Costs);
    }

    [Fact]
    public void Check_CompleteCost_KeepsMinutesAndPence()
    {
        var edit = Check(costs: [new CostRow("PersonalAssistant", "PA mornings", "7.5", "£120.50")]);
        var cost = Assert.Single(edit.Costs);
        Assert.Equal((CostCategory.PersonalAssistant, 450, 12050L), (cost.Category, cost.WeeklyMinutes, cost.WeeklyPence));
    }

    [Fact]
    public void Check_HalfFilledOutcome_NamesTheRowAndTheMissingPart()
    {
        var edit = Check([new OutcomeRow(null, null), new OutcomeRow("Go swimming", " ")]);
        var error = Assert.Single(edit.Errors);
        Assert.Equal(("Outcomes[1].HowItIsMet", "Outcome 2: enter how this need is met, or clear the row"), (error.Field, error.Message));
        Assert.Empty(edit.Outcomes);
    }

    [Theory]
    [InlineData("Rocket", "PA", "1", "10", "Costs[0].Category", "Cost 1: select what the money is for")]
    [InlineData("Agency", "", "1", "10", "Costs[0].Description", "Cost 1: enter a description, like \"Personal assistant, weekday mornings\"")]
    [InlineData("Agency", "Agency", "169", "10", "Costs[0].Hours", "Cost 1: enter hours a week as a number from 0 to 168, like 7.5, or leave it blank")]
    [InlineData("Agency", "Agency", "1", "", "Costs[0].Weekly", "Cost 1: enter the weekly cost in pounds and pence, like 120.50")]
    [InlineData("Agency", "Agency", "1", "12.345", "Costs[0].Weekly", "Cost 1: enter the weekly cost as an amount in pounds and pence, like 120.50")]
    [InlineData("Agency", "Agency", "1", "0", "Costs[0].Weekly", "Cost 1: the weekly cost must be at least £0.01")]
    [InlineData("Agency", "Agency", "1", "-5", "Costs[0].Weekly", "Cost 1: the weekly cost must be at least £0.01")]
    public void Check_BadCost_SaysWhatToDo(string category, string description, string hours, string weekly, string field, string message)
    {
        var edit = Check(costs: [new CostRow(category, description, hours, weekly)]);
        var error = Assert.Single(edit.Errors);
        Assert.Equal((field, message), (error.Field, error.Message));
        Assert.Empty(edit.Costs);
    }

    [Fact]
    public void Check_TooManyRows_IsRefused()
    {
        var rows = Enumerable.Range(0, 21).Select(i => new OutcomeRow($"Outcome {i}", "Met")).ToList();
        var error = Assert.Single(Check(rows).Errors);
        Assert.Equal("Outcomes", error.Field);
    }

    [Theory]
    [InlineData(Stage.Planning, true)]
    [InlineData(Stage.Active, true)]
    [InlineData(Stage.Suspended, true)]
    [InlineData(Stage.Assessment, false)]
    [InlineData(Stage.Suitability, false)]
    [InlineData(Stage.Agreement, false)]
    [InlineData(Stage.Ended, false)]
    public void CanEdit_PlanningOrWhilePaid(Stage stage, bool allowed) => Assert.Equal(allowed, PlanEditing.CanEdit(stage) is null);

    [Theory]
    [InlineData(PlanStatus.Draft, true)]
    [InlineData(PlanStatus.Agreed, false)]
    [InlineData(PlanStatus.Superseded, false)]
    public void CanEditVersion_OnlyADraft(PlanStatus status, bool allowed) =>
        Assert.Equal(allowed, PlanEditing.CanEditVersion(new SupportPlan { Version = 1, Status = status }) is null);

    [Theory]
    [InlineData(35000, 35000, "This is the same as the indicative budget of £350.00 a week.")]
    [InlineData(40000, 35000, "This is £50.00 a week more than the indicative budget of £350.00. Explain why when proposing the budget.")]
    [InlineData(30000, 35000, "This is £50.00 a week less than the indicative budget of £350.00.")]
    public void CompareWithIndicative_SaysTheDifference(long total, long indicative, string words) =>
        Assert.Equal(words, PlanEditing.CompareWithIndicative(new Money(total), new Money(indicative)));
}
