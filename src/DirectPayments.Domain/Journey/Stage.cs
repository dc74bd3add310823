namespace DirectPayments.Domain.Journey;

/// <summary>Where a direct payment arrangement is on its journey (DESIGN.md section 3.1).</summary>
public enum Stage
{
    Enquiry,
    Assessment,
    Planning,
    Suitability,
    FundingDecision,
    Agreement,
    SetUp,
    Active,
    Suspended,
    Ended,
}

public static class StageExtensions
{
    /// <summary>The stages a person moves through in order, as the progress list shows them.</summary>
    public static readonly IReadOnlyList<Stage> Path =
    [
        Stage.Enquiry, Stage.Assessment, Stage.Planning, Stage.Suitability, Stage.FundingDecision,
        Stage.Agreement, Stage.SetUp, Stage.Active,
    ];

    public static string Label(this Stage stage) => stage switch
    {
        Stage.Enquiry => "Enquiry",
        Stage.Assessment => "Assessment",
        Stage.Planning => "Support planning",
        Stage.Suitability => "Suitability decision",
        Stage.FundingDecision => "Funding decision",
        Stage.Agreement => "Agreement",
        Stage.SetUp => "Setting up",
        Stage.Active => "Active",
        Stage.Suspended => "Paused",
        Stage.Ended => "Ended",
    };

    /// <summary>What happens next, in words for the person whose direct payment it is.</summary>
    public static string WhatHappensNext(this Stage stage) => stage switch
    {
        Stage.Enquiry => "A practitioner will contact you within 5 working days to talk about your needs and what a direct payment could do for you. They can visit you at home if you would like.",
        Stage.Assessment => "A practitioner is looking at your care and support needs with you. When that is done, you will be told which needs the council will meet and roughly how much money is available.",
        Stage.Planning => "You and your practitioner write your support plan together: what you want to achieve, in your own words, and how your direct payment will pay for it. You can read the plan, comment on it and agree it here.",
        Stage.Suitability => "The council is checking that a direct payment is right for you and that you (or the person helping you) can manage it, with support if needed. If the answer is no, you will get the reasons in writing and can ask for the decision to be looked at again.",
        Stage.FundingDecision => "A manager is agreeing the amount of your personal budget. If they decide a different amount from the one in your plan, you will see the reasons here.",
        Stage.Agreement => "Your direct payment agreement is ready. Read it, and sign it here when you are happy. The council signs it too.",
        Stage.SetUp => "The support service will visit you to set up your account and explain how to keep records. Then your first payment is made.",
        Stage.Active => "Your direct payment is being paid. Your practitioner will review it with you: the first review is within 6 months of your first payment, then at least once a year.",
        Stage.Suspended => "Your direct payment is paused for now. Your practitioner will tell you why and what needs to happen for it to start again.",
        Stage.Ended => "Your direct payment has ended. Any support you still need will be arranged another way.",
    };
}
