using DirectPayments.Data.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace DirectPayments.Web.Features.Platform.Account;

/// <summary>The set-up QR code as an SVG image: an image, not inline, so the content security policy needs no exceptions.</summary>
[Authorize]
public sealed class TwoFactorQrModel(UserManager<AppUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        var key = user is null ? null : await users.GetAuthenticatorKeyAsync(user);
        if (user is null || string.IsNullOrEmpty(key) || user.TwoFactorEnabled)
        {
            return NotFound();
        }
        var issuer = Uri.EscapeDataString("Direct payments");
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        Response.Headers.CacheControl = "no-store";
        return Content(new SvgQRCode(data).GetGraphic(5), "image/svg+xml");
    }
}
