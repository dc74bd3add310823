namespace DirectPayments.Domain.Platform;

/// <summary>A council: the tenant. Everything a council owns carries its id.</summary>
public sealed class Council
{
    public Guid Id { get; set; }

    /// <summary>The council's name, such as "Exampleshire County Council".</summary>
    public required string Name { get; set; }

    /// <summary>Short lower-case name used in commands and configuration, such as "exampleshire".</summary>
    public required string Slug { get; set; }

    /// <summary>The service name shown in the header, such as "Exampleshire direct payments".</summary>
    public required string ServiceName { get; set; }

    /// <summary>Path of the council's logo under wwwroot, or null to show the name alone.</summary>
    public string? LogoPath { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>An organisation that is not a council, such as a direct payment support service working for several councils.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A contract that lets an organisation's staff work in one council's records for a period (inclusive dates).</summary>
public sealed class OrganisationContract : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public Guid OrganisationId { get; set; }

    public required string Description { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    /// <summary>Whether the contract grants access on the given day.</summary>
    public bool IsInForceOn(DateOnly day) => day >= StartsOn && (EndsOn is null || day <= EndsOn);
}

/// <summary>A team of practitioners in a council; a practitioner sees their team's caseload.</summary>
public sealed class Team : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid CouncilId { get; set; }

    public required string Name { get; set; }
}
