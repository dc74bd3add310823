using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using DirectPayments.Data;
using DirectPayments.Data.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DirectPayments.Web.Platform.Access;

/// <summary>
/// API keys for a council's own systems: sent as <c>Authorization: Bearer dp_...</c>. Only a SHA-256
/// hash is stored (keys are 32 random bytes, so a slow hash adds nothing); the prefix finds the row.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DpDbContext db,
    ActorContext actor,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "dp:scope";
    public const string KeyPrefix = "dp_";
    private const int PrefixLength = 11;

    /// <summary>Makes a new key: the text to show once, its prefix and the hash to store.</summary>
    public static (string Key, string Prefix, string Hash) NewKey()
    {
        var key = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', 'A').Replace('/', 'B').TrimEnd('=');
        return (key, key[..PrefixLength], Hash(key));
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var key = header["Bearer ".Length..].Trim();
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length < PrefixLength + 10)
        {
            return AuthenticateResult.Fail("The API key is not in the right form.");
        }
        var prefix = key[..PrefixLength];
        var stored = await db.ApiKeys.IgnoreQueryFilters().SingleOrDefaultAsync(k => k.Prefix == prefix);
        if (stored is null || stored.RevokedAt is not null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored.SecretHash), Encoding.ASCII.GetBytes(Hash(key))))
        {
            return AuthenticateResult.Fail("The API key is not recognised or has been revoked.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (stored.LastUsedAt is null || now - stored.LastUsedAt > TimeSpan.FromMinutes(5))
        {
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == stored.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now));
        }
        actor.CouncilId = stored.CouncilId;
        actor.UserId = null;
        actor.Role = null;
        actor.Actor = $"api-key:{stored.Id}";
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, stored.Id.ToString()), new(ClaimTypes.Name, stored.Name) };
        claims.AddRange(stored.ScopeList.Select(s => new Claim(ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
