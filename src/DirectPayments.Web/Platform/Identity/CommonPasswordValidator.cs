using Microsoft.AspNetCore.Identity;

namespace DirectPayments.Web.Platform.Identity;

/// <summary>
/// Password rules in line with NCSC guidance: long passphrases are welcome, there are no rules about
/// character types, and the 10,000 most common passwords are refused (the list ships with the code).
/// </summary>
public sealed class CommonPasswordValidator<TUser> : IPasswordValidator<TUser>
    where TUser : class
{
    public Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordRequired", Description = "Enter a password" }));
        }
        if (password.Length > CommonPasswords.MaximumLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Password must be {CommonPasswords.MaximumLength} characters or fewer",
            }));
        }
        if (CommonPasswords.IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "This password is one of the most common passwords, so it is easy to guess. Try three random words, like 'kettle river lantern'",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

}

/// <summary>The 10,000 most common passwords, shipped with the code (docs/dependencies.md).</summary>
public static class CommonPasswords
{
    public const int MaximumLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    /// <summary>
    /// Whether a password is on the common list, ignoring case and surrounding spaces, or is a common
    /// password with numbers or symbols added at either end, or typed twice.
    /// </summary>
    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var trimmed = password.Trim();
        var core = trimmed.Trim("0123456789!\"£$%^&*()-_=+[]{};:'@#~,.<>/?\\| ".ToCharArray());
        var half = trimmed.Length % 2 == 0 && string.Equals(trimmed[..(trimmed.Length / 2)], trimmed[(trimmed.Length / 2)..], StringComparison.OrdinalIgnoreCase)
            ? trimmed[..(trimmed.Length / 2)]
            : null;
        return Common.Value.Contains(trimmed)
            || (core.Length >= 4 && Common.Value.Contains(core))
            || (half is not null && Common.Value.Contains(half));
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("DirectPayments.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line);
            }
        }
        return set;
    }
}

/// <summary>Identity's messages, rewritten in the plain English of the GOV.UK error message pattern.</summary>
public sealed class PlainEnglishIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = $"Password must be {length} characters or more. A good way to make a strong password is to use three random words",
    };

    public override IdentityError DuplicateEmail(string email) => new()
    {
        Code = nameof(DuplicateEmail),
        Description = "An account with this email address already exists",
    };

    public override IdentityError DuplicateUserName(string userName) => new()
    {
        Code = nameof(DuplicateUserName),
        Description = "An account with this email address already exists",
    };

    public override IdentityError InvalidToken() => new()
    {
        Code = nameof(InvalidToken),
        Description = "This link has expired or has already been used. Ask for a new one",
    };

    public override IdentityError PasswordMismatch() => new()
    {
        Code = nameof(PasswordMismatch),
        Description = "The current password is not right",
    };
}
