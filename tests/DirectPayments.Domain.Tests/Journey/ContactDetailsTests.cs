using DirectPayments.Domain.Journey;
using Xunit;

namespace DirectPayments.Domain.Tests.Journey;

public sealed class ContactDetailsTests
{
    [Fact]
    public void Validate_GoodDetails_HasNoErrors() =>
        Assert.Empty(ContactDetails.Validate("amara@example.com", "01632 960 001", "ex1 4ab", "Moved house", requireReason: true));

    [Theory]
    [InlineData("not-an-email", null, null, "Email", "Enter an email address in the correct format, like name@example.com")]
    [InlineData(null, "call me", null, "Phone", "Enter a telephone number, like 01632 960 001 or 07700 900 982")]
    [InlineData(null, null, "12345", "Postcode", "Enter a real postcode, like EX1 4AB")]
    public void Validate_BadField_SaysWhatToDo(string? email, string? phone, string? postcode, string field, string message)
    {
        var error = Assert.Single(ContactDetails.Validate(email, phone, postcode, "Reason", requireReason: true));
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Validate_NoReasonWhereOneIsNeeded_AsksWhy()
    {
        var error = Assert.Single(ContactDetails.Validate(null, null, null, " ", requireReason: true));
        Assert.Equal("Enter why you are changing the contact details", error.Message);
    }

    [Fact]
    public void Apply_BlankValues_ClearAndTidy()
    {
        var person = new Person { Reference = "EX-1", GivenName = "A", FamilyName = "B", Email = "old@example.com" };
        ContactDetails.Apply(person, "  ", " 07700 900 982 ", "1 High Street", "Town", "ex1 4ab");
        Assert.Null(person.Email);
        Assert.Equal("07700 900 982", person.Phone);
        Assert.Equal("EX1 4AB", person.Postcode);
    }

    [Theory]
    [InlineData("2000-03-01", "2026-02-28", 25)]
    [InlineData("2000-02-29", "2026-02-28", 25)]
    [InlineData("2000-02-29", "2026-03-01", 26)]
    public void AgeOn_AroundBirthdays_CountsWholeYears(string born, string on, int age)
    {
        var person = new Person { Reference = "EX-1", GivenName = "A", FamilyName = "B", DateOfBirth = DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(age, person.AgeOn(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
