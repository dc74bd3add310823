using DirectPayments.Domain.Platform;
using Xunit;

namespace DirectPayments.Domain.Tests.Platform;

public sealed class RoleTests
{
    [Theory]
    [InlineData(Role.Person, false)]
    [InlineData(Role.PersonalAssistant, false)]
    [InlineData(Role.Practitioner, true)]
    [InlineData(Role.SupportWorker, true)]
    [InlineData(Role.FinanceOfficer, true)]
    [InlineData(Role.Manager, true)]
    [InlineData(Role.Commissioner, true)]
    [InlineData(Role.Trainer, true)]
    [InlineData(Role.CouncilAdmin, true)]
    public void IsStaff_EveryRole_MatchesWhoMustUseOneTimeCodes(Role role, bool staff) => Assert.Equal(staff, role.IsStaff());

    [Theory]
    [InlineData("Practitioner", Role.Practitioner)]
    [InlineData("council-admin", Role.CouncilAdmin)]
    [InlineData("personal assistant", Role.PersonalAssistant)]
    [InlineData("FINANCEOFFICER", Role.FinanceOfficer)]
    public void TryParse_NamesAsPeopleWriteThem_GivesTheRole(string text, Role expected)
    {
        Assert.True(RoleExtensions.TryParse(text, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Admin")]
    [InlineData("42")]
    public void TryParse_Unknown_IsRefused(string text) => Assert.False(RoleExtensions.TryParse(text, out _));

    [Fact]
    public void Label_EveryRole_IsPlainEnglish() =>
        Assert.All(RoleExtensions.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Label()) || r.Label().Contains("Admin", StringComparison.Ordinal)));
}
