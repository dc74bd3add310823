using DirectPayments.Web.Platform.Identity;
using Xunit;

namespace DirectPayments.Web.Tests.Platform;

public sealed class CommonPasswordsTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("PASSWORD1234")]
    [InlineData("qwertyqwerty")]
    [InlineData("  iloveyou2026!! ")]
    [InlineData("1qaz2wsx3edc")]
    public void IsCommon_CommonOrLightlyDisguised_IsRefused(string password) => Assert.True(CommonPasswords.IsCommon(password));

    [Theory]
    [InlineData("kettle river lantern")]
    [InlineData("Exampleshire demo 2026")]
    [InlineData("correct-zebra-tuesday")]
    public void IsCommon_Passphrase_IsAllowed(string password) => Assert.False(CommonPasswords.IsCommon(password));
}
