using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class SetUpRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static SetUpAnswers Answers(
        DateOnly? referral = null, bool? employs = false, DateOnly? visit = null, string[]? ticked = null, DateOnly? firstPayment = null) =>
        new(PaymentMethod.PrepaymentCard, referral, null, employs, null, visit, ticked ?? [], firstPayment);

    [Fact]
    public void Validate_NothingYetButTheEmployerQuestion_HasNoErrors() =>
        Assert.Empty(SetUpRules.Validate(Answers(), null, Today));

    [Fact]
    public void Validate_EverythingOnTheDay_HasNoErrors() =>
        Assert.Empty(SetUpRules.Validate(Answers(Today, true, Today, ["agreement"], Today), null, Today));

    [Theory]
    [InlineData("referral", "SupportReferralOn", "The date of the referral must be today or in the past")]
    [InlineData("employs", "WillEmployPersonalAssistant", "Select yes if the person will employ a personal assistant")]
    [InlineData("visit-future", "SignUpVisitOn", "The date of the sign-up visit must be today or in the past. Record the visit once it has happened")]
    [InlineData("visit-missing", "SignUpVisitOn", "Enter the date of the sign-up visit, because checklist items are ticked")]
    [InlineData("first-payment", "FirstPaymentOn", "The date of the first payment must be today or in the future")]
    public void Validate_BadAnswer_SaysWhatToDo(string problem, string field, string message)
    {
        var answers = problem switch
        {
            "referral" => Answers(referral: Today.AddDays(1)),
            "employs" => Answers(employs: null),
            "visit-future" => Answers(visit: Today.AddDays(1)),
            "visit-missing" => Answers(ticked: ["records"]),
            "first-payment" => Answers(firstPayment: Today.AddDays(-1)),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
        var error = Assert.Single(SetUpRules.Validate(answers, null, Today));
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Validate_FirstPaymentAlreadyRecordedAndNowPast_IsKept() =>
        Assert.Empty(SetUpRules.Validate(Answers(firstPayment: Today.AddDays(-3)), Today.AddDays(-3), Today));

    [Fact]
    public void Apply_NoPersonalAssistant_DropsTheStartDateAndKeepsChecklistOrder()
    {
        var arrangement = new Arrangement { Reference = "DP-1" };
        var answers = new SetUpAnswers(PaymentMethod.VirtualWallet, Today, null, false, Today.AddDays(10), Today,
            ["contacts", "agreement", "unknown", "agreement"], Today.AddDays(7));
        SetUpRules.Apply(arrangement, answers);
        Assert.Null(arrangement.PersonalAssistantStartsOn);
        Assert.False(arrangement.WillEmployPersonalAssistant);
        Assert.Equal("agreement,contacts", arrangement.SignUpChecklistDone);
        Assert.Equal(Today.AddDays(7), arrangement.FirstPaymentOn);
        Assert.Equal(PaymentMethod.VirtualWallet, arrangement.PaymentMethod);
    }

    [Theory]
    [InlineData("payment-method-missing", "PaymentMethod")]
    [InlineData("first-payment-missing", "FirstPaymentOn")]
    [InlineData("sign-up-visit-incomplete", "ChecklistDone")]
    [InlineData("not-allowed", null)]
    public void FieldFor_Refusal_PointsAtTheQuestion(string code, string? field) =>
        Assert.Equal(field, SetUpRules.FieldFor(new Refusal(code, "message")));
}
