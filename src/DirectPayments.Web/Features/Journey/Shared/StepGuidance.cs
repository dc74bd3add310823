using DirectPayments.Domain.Journey;

namespace DirectPayments.Web.Features.Journey.Shared;

/// <summary>What a step is for, what good practice looks like, and how long it usually takes.</summary>
public sealed record StepGuide(Stage Stage, string Title, IReadOnlyList<string> GoodPractice, string UsualTime);

/// <summary>
/// The "what this step is and what good looks like" panel for each stage of the journey (issue #3, item
/// 11), written from the seeds' good practice: TLAP's Better Direct Payments report (Essex's workshops,
/// Cornwall's visits and checks, Bristol's electronic authorisation and direct payments as the default
/// offer, Medway's proportionate scrutiny), the In Control research on funding panels, and the SCIE and
/// TLAP notes on information and training. The training issue links here, so the words live in one place.
/// </summary>
public static class StepGuidance
{
    public static readonly IReadOnlyDictionary<Stage, StepGuide> All =
        Enum.GetValues<Stage>().ToDictionary(s => s, For);

    public static StepGuide For(Stage stage) => stage switch
    {
        Stage.Enquiry => new(stage, "First contact",
        [
            "People should know about direct payments before they need them: offer one to everyone who may need care and support, as Medway and Bristol do, and never press anyone to take one.",
            "Explain in plain words what a direct payment is, what it can pay for and what happens next, and leave the person something to read again later.",
            "Offer a home visit to talk it through. Cornwall visits every family who is referred, to give an overview of how direct payments work.",
            "Write down what the person wants in their own words; it is the start of their support plan.",
        ], "A practitioner contacts the person within 5 working days."),
        Stage.Assessment => new(stage, "Assessment outcome",
        [
            "The assessment itself is done in the council's case system; record its outcome, reference and the eligible needs here.",
            "Do not rush it. Practitioners say assessments are often hurried and people do not get time to think about their options: give them that time.",
            "Work out the indicative budget from the allocation tool so the person knows roughly how much money there is before planning starts. It is a guide, not a limit.",
        ], "Usually 2 to 4 weeks, depending on how complex the needs are."),
        Stage.Planning => new(stage, "Support planning",
        [
            "Write the plan with the person, not for them: outcomes in their own words, and how each need will be met.",
            "Keep the rules on use clear and permissive. Anything that meets the outcomes in the plan is allowed; Lincolnshire no longer lists what can and cannot be bought.",
            "Agree a contingency plan and write down the circle of support: the lack of contingency plans was one of the first things Essex's workshops raised.",
            "The person can read, comment on and agree the plan here, or print it, so nobody waits for paper in the post.",
        ], "Usually 2 to 3 weeks, at the person's pace."),
        Stage.Suitability => new(stage, "Suitability decision",
        [
            "Check each legal condition and record why it is or is not met; the service explains each one from the facts you record.",
            "Think about the help the person could have, from the support service, a managed account or a nominated person, before deciding someone cannot manage.",
            "A refusal must give written reasons the person can read, and tell them how to ask for it to be looked at again.",
            "If a close family member in the same household will be paid, record why the council agrees it is necessary.",
        ], "Usually within a week of the plan being agreed."),
        Stage.FundingDecision => new(stage, "Funding decision",
        [
            "Propose the budget from the costed plan and say why it is enough to meet the needs.",
            "Managers and panels should trust the practitioner's knowledge of the person. Practitioners report panels overturning their decisions largely on cost, which undermines good practice.",
            "If the decision differs from the proposal, give reasons the practitioner and the person can both read; the overturn rate is counted.",
            "Keep scrutiny proportionate to the amount and the risk, as Medway does.",
        ], "Usually within 10 working days of the proposal."),
        Stage.Agreement => new(stage, "Agreement",
        [
            "The agreement is written from the plan and budget: amount, payment schedule, contribution, what the money can be used for, and how monitoring works.",
            "Sign it electronically. Bristol replaced paper signatures with electronic authorisation and set-up became much quicker.",
            "Make sure the person understands their responsibilities from the start: Bristol found many direct payments were failing at the first hurdle until it did this.",
        ], "Usually a few days; the person can sign as soon as they are happy."),
        Stage.SetUp => new(stage, "Setting up",
        [
            "Refer the person to the direct payment support service straight away.",
            "A sign-up visit covers every set-up item and is recorded, as Cornwall's support team does: the account, record keeping, the contingency plan and who to contact.",
            "If the person will employ a personal assistant, open the employer checklist: contract, insurance, right to work and payroll.",
            "Offer paper records as well as online ones for people who want them.",
        ], "Usually 2 to 3 weeks until the first payment."),
        Stage.Active => new(stage, "Having a direct payment",
        [
            "Six weeks after a personal assistant starts, check that the contract and insurance are in place and the assistant is being paid (Cornwall).",
            "Review within 6 months of the first payment, then at least once a year; visit children's families at least every six months.",
            "Talk about unspent money or worrying spending in a supportive conversation; never reclaim automatically (Medway, Bristol).",
            "Keep checks proportionate: if spending meets the agreed outcomes, the person can change who provides their support.",
        ], "Reviews: within 6 months of the first payment, then at least every 12 months."),
        Stage.Suspended => new(stage, "Paused",
        [
            "A pause is a last resort and should be short. Tell the person why, in writing, and what needs to happen for payments to start again.",
            "Make sure the person's needs are still met while the direct payment is paused, so there is no gap in support.",
            "Record why the direct payment can start again when it restarts.",
        ], "As short as possible."),
        Stage.Ended => new(stage, "Ending",
        [
            "The person can stop at any time; their needs are then met another way.",
            "The council ends a direct payment only as a last resort, with written reasons and reasonable notice, and arranges other support so there is no gap.",
            "Settle what is owed first (final wages, holiday pay, HMRC, pension and insurance), then work out any balance to return, with the person.",
            "If the person employed a personal assistant, help them end the employment properly.",
        ], "Final reconciliation within 28 days."),
    };
}

/// <summary>The GOV.UK tag colour for each stage, so every list shows stages the same way. The words always carry the meaning.</summary>
public static class StageTag
{
    public static string CssClass(Stage stage) => stage switch
    {
        Stage.Enquiry => "govuk-tag--grey",
        Stage.Assessment => "govuk-tag--light-blue",
        Stage.Planning => "govuk-tag--blue",
        Stage.Suitability => "govuk-tag--purple",
        Stage.FundingDecision => "govuk-tag--pink",
        Stage.Agreement => "govuk-tag--yellow",
        Stage.SetUp => "govuk-tag--turquoise",
        Stage.Active => "govuk-tag--green",
        Stage.Suspended => "govuk-tag--orange",
        Stage.Ended => "govuk-tag--red",
    };
}
