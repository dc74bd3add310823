using System.Text.RegularExpressions;

namespace DirectPayments.Domain.Journey;

/// <summary>A problem with one field, in words a person can act on.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Rules for a person's contact details, shared by the pages and the API.</summary>
public static partial class ContactDetails
{
    public static IReadOnlyList<FieldError> Validate(string? email, string? phone, string? postcode, string? reason, bool requireReason)
    {
        var errors = new List<FieldError>();
        if (!string.IsNullOrWhiteSpace(email) && (email.Length > 320 || !EmailPattern().IsMatch(email.Trim())))
        {
            errors.Add(new FieldError("Email", "Enter an email address in the correct format, like name@example.com"));
        }
        if (!string.IsNullOrWhiteSpace(phone) && !PhonePattern().IsMatch(phone.Trim()))
        {
            errors.Add(new FieldError("Phone", "Enter a telephone number, like 01632 960 001 or 07700 900 982"));
        }
        if (!string.IsNullOrWhiteSpace(postcode) && !PostcodePattern().IsMatch(postcode.Trim().ToUpperInvariant()))
        {
            errors.Add(new FieldError("Postcode", "Enter a real postcode, like EX1 4AB"));
        }
        if (requireReason && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(new FieldError("Reason", "Enter why you are changing the contact details"));
        }
        else if (reason is { Length: > 500 })
        {
            errors.Add(new FieldError("Reason", "Reason must be 500 characters or fewer"));
        }
        return errors;
    }

    public static void Apply(Person person, string? email, string? phone, string? addressLine1, string? town, string? postcode)
    {
        ArgumentNullException.ThrowIfNull(person);
        person.Email = Clean(email);
        person.Phone = Clean(phone);
        person.AddressLine1 = Clean(addressLine1);
        person.Town = Clean(town);
        person.Postcode = Clean(postcode)?.ToUpperInvariant();
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()-]{10,20}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")]
    private static partial Regex PostcodePattern();
}
