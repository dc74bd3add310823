using DirectPayments.Web.Platform.Demo;
using DirectPayments.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DirectPayments.Web.Features.Platform.Public;

[AllowAnonymous]
public sealed class IndexModel(IHostEnvironment environment, TwoFactorPolicy twoFactor) : PageModel
{
    public IReadOnlyList<DemoAccount>? DemoAccounts { get; private set; }

    public string DemoPassword => DemoSeeder.Password;

    public bool DemoSkipsTwoFactor => twoFactor.DemoStaffSkip;

    public void OnGet()
    {
        // Demo sign-ins are listed in development only, never in production.
        DemoAccounts = environment.IsDevelopment() ? DemoSeeder.Accounts : null;
    }
}
