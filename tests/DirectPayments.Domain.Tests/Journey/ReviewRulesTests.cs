using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class ReviewRulesTests
{
    private static readonly DateOnly Today = new(2026, 8, 31);

    [Fact]
    public void Validate_GoodReview_HasNoErrors() =>
        Assert.Empty(ReviewRules.Validate(Today, true, "The PA is great", "Nothing", null, Today));

    [Fact]
    public void Validate_HeldInTheFuture_IsRefused()
    {
        var error = Assert.Single(ReviewRules.Validate(Today.AddDays(1), true, "Good", "Nothing", null, Today));
        Assert.Equal(("HeldOn", "The date the review was held must be today or in the past"), (error.Field, error.Message));
    }

    [Fact]
    public void Validate_NothingGiven_ListsEveryRequiredQuestion() =>
        Assert.Equal(["HeldOn", "ReviewType", "WhatIsWorking", "WhatIsNotWorking"], ReviewRules.Validate(null, null, " ", null, null, Today).Select(e => e.Field));

    [Theory]
    [InlineData(Stage.Active, true)]
    [InlineData(Stage.Suspended, true)]
    [InlineData(Stage.SetUp, false)]
    [InlineData(Stage.Planning, false)]
    [InlineData(Stage.Ended, false)]
    public void CanRecord_OnlyWhilePaid(Stage stage, bool allowed) => Assert.Equal(allowed, ReviewRules.CanRecord(stage) is null);

    [Theory]
    [InlineData(TaskKind.Review, true, true)]
    [InlineData(TaskKind.Review, false, false)]
    [InlineData(TaskKind.ChildVisit, false, true)]
    [InlineData(TaskKind.HomeVisit, true, false)]
    public void CompletesTask_LightTouchLeavesTheReviewDue(TaskKind kind, bool full, bool completes) =>
        Assert.Equal(completes, ReviewRules.CompletesTask(kind, full));

    [Theory]
    [InlineData(true, 12, false, "2027-08-31")]
    [InlineData(true, 6, false, "2027-02-28")]
    [InlineData(true, 24, false, "2027-08-31")]
    [InlineData(false, 12, false, null)]
    [InlineData(true, 12, true, null)]
    public void NextReviewDue_OnlyAfterAFullReviewWithNoneOpen(bool full, int interval, bool open, string? due) =>
        Assert.Equal(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), ReviewRules.NextReviewDue(Today, full, interval, open));
}
