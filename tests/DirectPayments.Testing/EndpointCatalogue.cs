using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DirectPayments.Testing;

/// <summary>One route the app serves: its pattern without constraints, its method, and the parameters it takes.</summary>
public sealed record RouteInfo(string Pattern, string Method, IReadOnlyList<string> Parameters, bool IsApi);

/// <summary>Every page and endpoint the running app serves, read from its routing, so tests cover new ones automatically.</summary>
public static partial class EndpointCatalogue
{
    public static IReadOnlyList<RouteInfo> Routes(IServiceProvider services)
    {
        var sources = services.GetServices<EndpointDataSource>();
        var routes = new List<RouteInfo>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var raw = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var pattern = Constraint().Replace(raw, "{$1}");
            pattern = pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                routes.Add(new RouteInfo(pattern, method, parameters, pattern.StartsWith("/api/", StringComparison.Ordinal)));
            }
        }
        return [.. routes.DistinctBy(r => (r.Pattern, r.Method)).OrderBy(r => r.Pattern, StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex Constraint();
}
