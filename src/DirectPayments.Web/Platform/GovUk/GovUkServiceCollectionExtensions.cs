using Microsoft.AspNetCore.Mvc;

namespace DirectPayments.Web.Platform.GovUk;

/// <summary>Registers what the GOV.UK components need beyond <c>@addTagHelper *, DirectPayments.Web</c>.</summary>
public static class GovUkServiceCollectionExtensions
{
    /// <summary>Binds <see cref="DateOnly"/> properties from the three fields of <c>&lt;govuk-date-input&gt;</c>.</summary>
    public static IServiceCollection AddGovUkComponents(this IServiceCollection services) =>
        services.Configure<MvcOptions>(options => options.ModelBinderProviders.Insert(0, new DateOnlyModelBinderProvider()));
}
