using DirectPayments.Domain.Platform;

namespace DirectPayments.Domain.Journey;

/// <summary>
/// A person who takes, or is thinking of taking, a direct payment: the record at the heart of their
/// journey. Every read of it and every change to it is audited.
/// </summary>
public sealed class Person : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    /// <summary>The council's case reference, such as "EX-000123", unique within the council.</summary>
    public required string Reference { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? AddressLine1 { get; set; }

    public string? Town { get; set; }

    public string? Postcode { get; set; }

    /// <summary>The practitioners' team whose caseload this person is on.</summary>
    public Guid? TeamId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set by the application on every change, so two people editing at once cannot overwrite each other.</summary>
    public Guid Version { get; set; }

    public string FullName => $"{GivenName} {FamilyName}";

    /// <summary>Age in whole years on a given day. Someone born on 29 February turns a year older on 1 March in other years.</summary>
    public int AgeOn(DateOnly day)
    {
        var age = day.Year - DateOfBirth.Year;
        if ((day.Month, day.Day).CompareTo((DateOfBirth.Month, DateOfBirth.Day)) < 0)
        {
            age--;
        }
        return age;
    }
}

/// <summary>How a user is connected to a person's record: themselves, or someone acting for them.</summary>
public enum Relationship
{
    Self,
    AuthorisedPerson,
    NominatedPerson,
    Parent,
}

public static class RelationshipExtensions
{
    public static string Label(this Relationship relationship) => relationship switch
    {
        Relationship.Self => "Themselves",
        Relationship.AuthorisedPerson => "Authorised person (Care Act section 32)",
        Relationship.NominatedPerson => "Nominated person",
        Relationship.Parent => "Parent",
    };
}

/// <summary>Links a signed-in user to a person's record they may see: their own, or one they represent.</summary>
public sealed class PersonAccess : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid PersonId { get; set; }

    public Guid UserId { get; set; }

    public Relationship Relationship { get; set; }
}
