using DirectPayments.Data;
using DirectPayments.Domain.Journey;
using DirectPayments.Web.Platform.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Features.Journey;

/// <summary>A person's record as the API returns it.</summary>
public sealed record PersonDto(Guid Id, string Reference, string GivenName, string FamilyName, DateOnly DateOfBirth,
    string? Email, string? Phone, string? AddressLine1, string? Town, string? Postcode, Guid? TeamId);

/// <summary>A page of results: <c>page</c> from 1, <c>pageSize</c> up to 100.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

/// <summary>New contact details for a person. A reason is required and goes into the audit trail.</summary>
public sealed record ContactUpdate(string? Email, string? Phone, string? AddressLine1, string? Town, string? Postcode, string? Reason);

/// <summary><c>/api/v1/people</c>: people's records for the council's own systems, with an API key.</summary>
public static class PeopleApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people").WithTags("People");
        group.MapGet("", ListAsync).RequireAuthorization(Policies.ApiPeopleRead).WithName("ListPeople")
            .WithSummary("Lists the council's people, 25 to a page by default.");
        group.MapGet("/{personId:guid}", GetAsync).RequireAuthorization(Policies.ApiPeopleRead).WithName("GetPerson")
            .WithSummary("One person's record. Each read is written to the audit trail.");
        group.MapPut("/{personId:guid}/contact", UpdateContactAsync).RequireAuthorization(Policies.ApiPeopleWrite).WithName("UpdatePersonContact")
            .WithSummary("Replaces a person's contact details. A reason is required.");
    }

    private static async Task<Results<Ok<PagedResult<PersonDto>>, ValidationProblem>> ListAsync(DpDbContext db, int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["page must be 1 or more"];
        }
        if (pageSize is < 1 or > 100)
        {
            errors["pageSize"] = ["pageSize must be between 1 and 100"];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request has problems", type: "https://directpayments.invalid/problems/validation");
        }
        var size = pageSize ?? 25;
        var number = page ?? 1;
        var query = db.People.AsNoTracking().OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id);
        var total = await query.CountAsync();
        var items = await query.Skip((number - 1) * size).Take(size).Select(p => ToDto(p)).ToListAsync();
        db.RecordAudit("people.listed", "Person", "*", details: $"Page {number}, {items.Count} records");
        await db.SaveChangesAsync();
        return TypedResults.Ok(new PagedResult<PersonDto>(items, number, size, total));
    }

    private static async Task<Results<Ok<PersonDto>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetAsync(DpDbContext db, Guid personId)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId);
        if (person is null)
        {
            return PersonNotFound();
        }
        db.RecordAudit("person.viewed", "Person", person.Id.ToString(), person.Id, details: "API");
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToDto(person));
    }

    private static async Task<Results<Ok<PersonDto>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ValidationProblem>> UpdateContactAsync(
        DpDbContext db, Guid personId, ContactUpdate update)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId);
        if (person is null)
        {
            return PersonNotFound();
        }
        var errors = ContactDetails.Validate(update.Email, update.Phone, update.Postcode, update.Reason, requireReason: true)
            .ToDictionary(e => char.ToLowerInvariant(e.Field[0]) + e.Field[1..], e => new[] { e.Message });
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The contact details have problems", type: "https://directpayments.invalid/problems/validation");
        }
        ContactDetails.Apply(person, update.Email, update.Phone, update.AddressLine1, update.Town, update.Postcode);
        db.Actor.Reason = update.Reason!.Trim();
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToDto(person));
    }

    private static NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails> PersonNotFound() => TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails
    {
        Type = "https://directpayments.invalid/problems/person-not-found",
        Title = "Person not found",
        Status = StatusCodes.Status404NotFound,
        Detail = "There is no person with this id in your council.",
    });

    private static PersonDto ToDto(Person p) =>
        new(p.Id, p.Reference, p.GivenName, p.FamilyName, p.DateOfBirth, p.Email, p.Phone, p.AddressLine1, p.Town, p.Postcode, p.TeamId);
}
