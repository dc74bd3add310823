using System.Net;
using DirectPayments.Data;
using DirectPayments.Data.Platform;
using DirectPayments.Domain.Journey;
using DirectPayments.Domain.Platform;
using DirectPayments.Web.Platform.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(DirectPayments.Browser.Tests.Platform.BrowserAppFixture))]

namespace DirectPayments.Browser.Tests.Platform;

/// <summary>
/// The app on Kestrel at a real 127.0.0.1 port, with its own fresh SQLite database and demo council,
/// and one headless Debian Chromium, shared by every browser test in the run. Each test opens its own
/// browser context, so no cookie passes from one test to another.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright never downloads a browser here (docs: ecosystem.md section 6.4).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string folder = Path.Combine(Path.GetTempPath(), "dp-browser-tests", Guid.NewGuid().ToString("N"));
    private AppFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The app's origin, for example http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Where screenshots go: the test output folder, so a person can look at them after a run.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(ScreenshotFolder);
        factory = new AppFactory(folder);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);

        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (no cookies) with one page, recording every request it makes.</summary>
    public async Task<BrowserSession> NewSessionAsync(bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        // Pages answer in well under a second on a quiet machine, but in CI the web tests run beside these on
        // 2 cores and a sign-in (PBKDF2 hashing plus two redirects) has taken over 10 seconds. A broken page
        // still fails, after 30 seconds.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, BaseAddress, javaScriptEnabled);
    }

    /// <summary>
    /// A new person on a team's caseload in the demo council, with their own Person sign-in linked to the record
    /// (as themselves, or as the parent of a child), so each journey test has someone nobody else touches.
    /// </summary>
    public async Task<TestPerson> CreatePersonAsync(string givenName, string familyName, DateOnly born, string teamName,
        Relationship relationship = Relationship.Self, string? accountName = null)
    {
        var services = factory?.Services ?? throw new InvalidOperationException("The app has not started.");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DpDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var actor = scope.ServiceProvider.GetRequiredService<ActorContext>();
        var council = await db.Councils.IgnoreQueryFilters().SingleAsync(c => c.Slug == DemoSeeder.CouncilSlug);
        actor.System("browser-tests", council.Id);
        var team = await db.Teams.SingleAsync(t => t.Name == teamName);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var person = new Person
        {
            Id = Guid.CreateVersion7(), Reference = "BT-" + unique.ToUpperInvariant(), GivenName = givenName, FamilyName = familyName,
            DateOfBirth = born, TeamId = team.Id, AddressLine1 = "1 Test Street", Town = "Northam", Postcode = "EX1 1AA",
            CreatedAt = DateTime.UtcNow,
        };
        db.People.Add(person);
        await db.SaveChangesAsync();

        var name = accountName ?? $"{givenName} {familyName}";
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}.{unique}@demo.example";
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
            Role = Role.Person, IsDemo = true, CreatedAt = DateTime.UtcNow, CouncilId = council.Id,
        };
        var created = await users.CreateAsync(user, DemoSeeder.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        db.PersonAccess.Add(new PersonAccess { Id = Guid.CreateVersion7(), PersonId = person.Id, UserId = user.Id, Relationship = relationship });
        await db.SaveChangesAsync();
        return new TestPerson(person.Id, person.Reference, person.FullName, new DemoAccount(Role.Person, email, name, "A browser test's own person"));
    }

    /// <summary>The statement reference of a demo person's direct payment account, as finance would type it.</summary>
    public async Task<string> AccountReferenceAsync(string personReference)
    {
        var services = factory?.Services ?? throw new InvalidOperationException("The app has not started.");
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DpDbContext>();
        var actor = scope.ServiceProvider.GetRequiredService<ActorContext>();
        var council = await db.Councils.IgnoreQueryFilters().SingleAsync(c => c.Slug == DemoSeeder.CouncilSlug);
        actor.System("browser-tests", council.Id);
        var person = await db.People.SingleAsync(p => p.Reference == personReference);
        return await db.DpAccounts.Where(a => a.PersonId == person.Id).Select(a => a.Reference).FirstAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleared by the machine.
        }
    }

    /// <summary>The real app in the Development environment (demo sign-ins, no one-time code for demo staff) on its own database.</summary>
    private sealed class AppFactory(string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "sqlite");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "dp.db")}");
            builder.UseSetting("Email:OutboxFolder", Path.Combine(folder, "outbox"));
            builder.UseSetting("RateLimits:SignInPerMinute", "1000");
            builder.UseSetting("RateLimits:PublicFormsPerMinute", "1000");
            builder.UseSetting("Demo:SkipTwoFactor", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        }
    }
}

/// <summary>A person made for one test, and the account that signs in for them.</summary>
public sealed record TestPerson(Guid Id, string Reference, string FullName, DemoAccount Account);
