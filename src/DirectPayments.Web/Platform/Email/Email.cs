using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DirectPayments.Web.Platform.Email;

/// <summary>An email to one person, in plain text.</summary>
public sealed record EmailMessage(string To, string Subject, string Body);

/// <summary>Sends email. Delivery is outside this machine, so it sits behind this interface.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

public sealed class EmailSettings
{
    /// <summary><c>outbox</c> writes each email to a file (development); <c>smtp</c> sends it.</summary>
    public string Mode { get; set; } = "outbox";

    public string OutboxFolder { get; set; } = "data/outbox";

    public string From { get; set; } = "no-reply@directpayments.invalid";

    public string FromName { get; set; } = "Direct payments";

    public string SmtpHost { get; set; } = "localhost";

    public int SmtpPort { get; set; } = 587;

    /// <summary><c>starttls</c> (default), <c>tls</c> or <c>none</c> (only for a relay on this machine).</summary>
    public string SmtpSecurity { get; set; } = "starttls";

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }
}

internal static class MimeMessages
{
    public static MimeMessage Build(EmailSettings settings, EmailMessage message, DateTimeOffset now)
    {
        var mime = new MimeMessage { Subject = message.Subject, Date = now };
        mime.From.Add(new MailboxAddress(settings.FromName, settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Body = new TextPart("plain") { Text = message.Body };
        return mime;
    }
}

/// <summary>Sends through an SMTP server with MailKit.</summary>
public sealed class SmtpEmailSender(IOptions<EmailSettings> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var security = settings.SmtpSecurity.ToLowerInvariant() switch
        {
            "tls" => SecureSocketOptions.SslOnConnect,
            "none" => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellationToken);
        }
        await client.SendAsync(MimeMessages.Build(settings, message, clock.GetUtcNow()), cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>Writes each email as a .eml file in the outbox folder, so a person can open and read it in development.</summary>
public sealed class OutboxEmailSender(IOptions<EmailSettings> options, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        Directory.CreateDirectory(settings.OutboxFolder);
        var now = clock.GetUtcNow();
        var name = $"{now:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(settings.OutboxFolder, name);
        await MimeMessages.Build(settings, message, now).WriteToAsync(path, cancellationToken);
    }
}
