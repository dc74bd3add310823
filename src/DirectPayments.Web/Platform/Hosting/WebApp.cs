using System.Threading.RateLimiting;
using DirectPayments.Data;
using DirectPayments.Data.Platform;
using DirectPayments.Web.Features.Journey;
using DirectPayments.Web.Platform.Access;
using DirectPayments.Web.Platform.Demo;
using DirectPayments.Web.Platform.Email;
using DirectPayments.Web.Platform.GovUk;
using DirectPayments.Web.Platform.Identity;
using DirectPayments.Web.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DirectPayments.Web.Platform.Hosting;

/// <summary>Builds the web host: services, middleware and endpoints, in one place.</summary>
public static class WebApp
{
    public const string SignInRateLimit = "sign-in";
    public const string PublicFormRateLimit = "public-forms";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        ConfigureServices(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        if (configuration.GetValue("Logging:Json", !builder.Environment.IsDevelopment()))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        services.AddDirectPaymentsData(DatabaseSettings.From(configuration));
        // Registered first so that it runs before every other hosted service (data protection reads its keys
        // from the database) and before the server takes requests: migrations, then the demo council where configured.
        services.AddHostedService<DatabasePreparation>();
        services.AddDataProtection()
            .SetApplicationName("DirectPayments")
            .PersistKeysToDbContext<DpDbContext>();

        services.AddSingleton<TwoFactorPolicy>();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                // NCSC: a minimum length and a block list of common passwords, no composition rules.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Security:LockoutAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15));
            })
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddEntityFrameworkStores<DpDbContext>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddErrorDescriber<PlainEnglishIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator<AppUser>>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromSeconds(configuration.GetValue("Security:SessionCheckSeconds", 60)));

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/sign-in";
                o.LogoutPath = "/account/sign-out";
                o.AccessDeniedPath = "/error/403";
                o.Cookie.Name = "dp-session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToLogin = ctx =>
                {
                    if (ctx.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                    {
                        ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return Task.CompletedTask;
                    }
                    ctx.Response.Redirect(ctx.RedirectUri);
                    return Task.CompletedTask;
                };
            }));
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder();
        services.AddAuthorization(Policies.Add);

        services.Configure<EmailSettings>(configuration.GetSection("Email"));
        if (string.Equals(configuration["Email:Mode"], "smtp", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, OutboxEmailSender>();
        }

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
            o.Conventions.ConfigureFilter(new NoHandlerFilter());
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "dp-antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddGovUkComponents();
        services.AddProblemDetails();
        // The API sends stages, routes and other choices by name ("FundingDecision"), never as numbers.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "DirectPayments API";
            document.Info.Description = "JSON API for a council's own systems. Authenticate with an API key: 'Authorization: Bearer dp_...'. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddDbContextCheck<DpDbContext>("database", tags: ["ready"]);

        var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var formsPerMinute = configuration.GetValue("RateLimits:PublicFormsPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, ctx => PostsByAddress(ctx, SignInRateLimit, signInPerMinute));
            o.AddPolicy(PublicFormRateLimit, ctx => PostsByAddress(ctx, PublicFormRateLimit, formsPerMinute));
        });

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? ["127.0.0.1", "::1"])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddScoped<DemoSeeder>();
        services.AddScoped<MoneyMonitoringDemo>();
        services.AddScoped<JourneyBuilder>();
        services.AddScoped<MoneyStatementsDemo>();
        services.AddScoped<DirectPayments.Web.Features.Journey.JourneyActions>();
        services.AddScoped<DirectPayments.Web.Features.Finance.MoneyActions>();
        services.Configure<DirectPayments.Web.Features.Finance.Import.StatementImportSettings>(configuration.GetSection("Money:Statements"));
        services.AddScoped<DirectPayments.Web.Features.Finance.Import.StatementImporter>();
        services.AddScoped<DirectPayments.Web.Features.Finance.Import.LedgerReversals>();
        DirectPayments.Web.Features.Finance.Monitoring.MonitoringRegistration.AddMoneyMonitoring(services, configuration);
        services.AddScoped<DirectPayments.Web.Features.Finance.Wallet.WalletFigures>();
        services.AddScoped<DirectPayments.Web.Features.Finance.Wallet.CategoryLearning>();
        services.AddScoped<DirectPayments.Web.Features.Finance.Wallet.MoneyExport>();
        services.AddScoped<DirectPayments.Web.Features.Finance.Payments.PaymentRuns>();
        services.AddScoped<DirectPayments.Web.Features.Finance.Payments.Contributions>();
        services.AddScoped<DirectPayments.Web.Platform.Demo.MoneyPaymentsDemo>();
        services.Configure<DirectPayments.Web.Features.Finance.Payments.PaymentSettings>(configuration.GetSection("Payments"));
        services.AddMemoryCache();
        services.AddScoped<DirectPayments.Web.Platform.Branding.CouncilBranding>();
        DirectPayments.Web.Platform.Pdf.PdfRegistration.AddPdfRendering(services, configuration);
    }

    /// <summary>Only form posts count against a limit; reading the page never does.</summary>
    private static RateLimitPartition<string> PostsByAddress(HttpContext context, string policy, int perMinute)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter(policy);
        }
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{policy}:{address}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    public static void ConfigurePipeline(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), pages =>
        {
            pages.UseExceptionHandler("/error/500");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.Use(DirectPayments.Web.Features.Finance.Import.StatementUploadLimit.InvokeAsync);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapRazorPages();
        PeopleApi.Map(app);
        JourneyApi.Map(app);
        DirectPayments.Web.Features.Finance.StatementsApi.Map(app);
        DirectPayments.Web.Features.Finance.MonitoringApi.Map(app);
        DirectPayments.Web.Features.Finance.Wallet.WalletApi.Map(app);
        DirectPayments.Web.Features.Finance.PaymentsApi.Map(app);
    }

    /// <summary>Applies migrations on start (and the demo council on first start with SQLite, or when asked).</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DpDbContext>();
        if (configuration.GetValue("Database:MigrateOnStart", true))
        {
            await db.Database.MigrateAsync();
        }
        var seed = configuration["Demo:SeedOnStart"];
        var seedDemo = seed is null ? !db.IsPostgres : string.Equals(seed, "true", StringComparison.OrdinalIgnoreCase);
        if (seedDemo && !environment.IsProduction())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }
}

/// <summary>Prepares the database when the host starts, before the first request.</summary>
public sealed class DatabasePreparation(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => WebApp.PrepareDatabaseAsync(services, configuration, environment);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
