using DirectPayments.Domain.Platform;

namespace DirectPayments.Domain.Journey;

/// <summary>Which law the direct payment is made under, which decides the suitability test (RULES.md sections 2, 7 and 8).</summary>
public enum LegalRoute
{
    /// <summary>Care Act s.31: an adult with capacity, paid to them or a person they nominate.</summary>
    AdultWithCapacity,

    /// <summary>Care Act s.32: an adult who lacks capacity, paid to an authorised person.</summary>
    AdultLackingCapacity,

    /// <summary>Children Act 1989 s.17A: a person with parental responsibility for a disabled child, or a disabled 16 or 17 year old.</summary>
    Child,

    /// <summary>Care Act ss.24 to 26 and 31: an adult carer's own personal budget.</summary>
    Carer,
}

/// <summary>How the money reaches the person (RULES.md section 4.2). None is compulsory.</summary>
public enum PaymentMethod
{
    PrepaymentCard,
    VirtualWallet,
    ManagedAccount,
    OwnBankAccount,
}

/// <summary>Who started the enquiry.</summary>
public enum EnquiryChannel
{
    Person,
    Representative,
    Practitioner,
    CaseSystem,
}

/// <summary>Who ended the direct payment.</summary>
public enum EndedBy
{
    Person,
    Council,
}

/// <summary>Why a direct payment ended, for the ending letter and the oversight measures.</summary>
public enum EndingReason
{
    PersonChoseToStop,
    NeedsMetAnotherWay,
    NoLongerEligible,
    MovedAway,
    Died,
    ConditionsNoLongerMet,
    NotUsedForNeeds,
    DecidedNotToGoAhead,
    Other,
}

/// <summary>The band a person's age falls in, used by the allocation tool and the measures (RULES.md section 8.3).</summary>
public enum AgeBand
{
    Child,
    Adult18To64,
    Adult65AndOver,
}

/// <summary>How much support the assessment found the person needs, the allocation tool's second input.</summary>
public enum NeedLevel
{
    Low,
    Moderate,
    High,
    VeryHigh,
}

public static class ArrangementLabels
{
    public static string Label(this LegalRoute route) => route switch
    {
        LegalRoute.AdultWithCapacity => "Adult with capacity (Care Act section 31)",
        LegalRoute.AdultLackingCapacity => "Adult who lacks capacity, through an authorised person (Care Act section 32)",
        LegalRoute.Child => "Child or young person, through a parent (Children Act 1989 section 17A)",
        LegalRoute.Carer => "Carer's own support (Care Act)",
    };

    public static string Label(this PaymentMethod method) => method switch
    {
        PaymentMethod.PrepaymentCard => "Pre-payment card",
        PaymentMethod.VirtualWallet => "Virtual wallet",
        PaymentMethod.ManagedAccount => "Managed account (a provider handles the money)",
        PaymentMethod.OwnBankAccount => "Their own separate bank account",
    };

    public static string Label(this EnquiryChannel channel) => channel switch
    {
        EnquiryChannel.Person => "The person",
        EnquiryChannel.Representative => "Someone on the person's behalf",
        EnquiryChannel.Practitioner => "A practitioner",
        EnquiryChannel.CaseSystem => "The council's case system",
    };

    public static string Label(this EndingReason reason) => reason switch
    {
        EndingReason.PersonChoseToStop => "The person chose to stop",
        EndingReason.NeedsMetAnotherWay => "Needs are now met another way",
        EndingReason.NoLongerEligible => "No longer has eligible needs",
        EndingReason.MovedAway => "Moved to another council's area",
        EndingReason.Died => "The person died",
        EndingReason.ConditionsNoLongerMet => "The conditions for a direct payment are no longer met",
        EndingReason.NotUsedForNeeds => "The money was not used for the needs in the plan",
        EndingReason.DecidedNotToGoAhead => "Decided not to go ahead before payments started",
        EndingReason.Other => "Another reason",
    };

    public static string Label(this AgeBand band) => band switch
    {
        AgeBand.Child => "Children (under 18)",
        AgeBand.Adult18To64 => "Adults aged 18 to 64",
        AgeBand.Adult65AndOver => "Adults aged 65 and over",
    };

    public static string Label(this NeedLevel level) => level switch
    {
        NeedLevel.Low => "Low",
        NeedLevel.Moderate => "Moderate",
        NeedLevel.High => "High",
        NeedLevel.VeryHigh => "Very high",
    };

    public static AgeBand AgeBandOn(this Person person, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(person);
        var age = person.AgeOn(day);
        return age < 18 ? AgeBand.Child : age < 65 ? AgeBand.Adult18To64 : AgeBand.Adult65AndOver;
    }
}

/// <summary>
/// One direct payment for one person, from the first enquiry to the end. Its stage moves only through
/// <see cref="JourneyRules"/>, and each move is kept as an <see cref="ArrangementTransition"/>.
/// </summary>
public sealed class Arrangement : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>A short reference the person can quote, such as "DP-4K7Q2M", unique within the council.</summary>
    public required string Reference { get; set; }

    public Stage Stage { get; set; }

    public LegalRoute Route { get; set; }

    public DateTime StageChangedAt { get; set; }

    // Enquiry
    public EnquiryChannel Channel { get; set; }

    public DateOnly EnquiryOn { get; set; }

    /// <summary>What the person (or whoever made the enquiry) wants, in their words.</summary>
    public string? EnquiryNotes { get; set; }

    /// <summary>The practitioner responsible, if one has been named.</summary>
    public Guid? PractitionerId { get; set; }

    /// <summary>The case system's own id for this case, when the enquiry came through the API.</summary>
    public string? ExternalReference { get; set; }

    // Assessment outcome (the assessment itself stays in the council's case system)
    public string? AssessmentReference { get; set; }

    public DateOnly? AssessedOn { get; set; }

    public string? EligibleNeeds { get; set; }

    public NeedLevel? NeedLevel { get; set; }

    // Budget
    public long? IndicativeWeeklyPence { get; set; }

    public Guid? AllocationToolVersionId { get; set; }

    // Set-up
    public PaymentMethod? PaymentMethod { get; set; }

    public DateOnly? SupportReferralOn { get; set; }

    public Guid? SupportOrganisationId { get; set; }

    public bool WillEmployPersonalAssistant { get; set; }

    public DateOnly? PersonalAssistantStartsOn { get; set; }

    public DateOnly? SignUpVisitOn { get; set; }

    /// <summary>The sign-up checklist items ticked, as codes from <see cref="SignUpChecklist"/>, separated by commas.</summary>
    public string SignUpChecklistDone { get; set; } = "";

    public DateOnly? FirstPaymentOn { get; set; }

    /// <summary>Months between reviews; 12 by law at most, shorter where the oversight level says so (RULES.md section 5.2).</summary>
    public int ReviewIntervalMonths { get; set; } = 12;

    // Pause and ending
    public string? SuspendedReason { get; set; }

    public EndedBy? EndedBy { get; set; }

    public EndingReason? EndingReason { get; set; }

    public DateOnly? NoticeGivenOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set by the application on every change, so two people acting at once cannot overwrite each other.</summary>
    public Guid Version { get; set; }
}

/// <summary>One move of an arrangement from one stage to another: who, when and why.</summary>
public sealed class ArrangementTransition : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid ArrangementId { get; set; }

    public Stage From { get; set; }

    public Stage To { get; set; }

    public DateTime OccurredAt { get; set; }

    public Guid? ActorUserId { get; set; }

    public required string ActorName { get; set; }

    public string? Reason { get; set; }
}
