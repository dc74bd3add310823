using DirectPayments.Data.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DirectPayments.Data;

/// <summary>How the database is chosen: <c>Database:Provider</c> is <c>sqlite</c> (default) or <c>postgres</c>, with <c>Database:ConnectionString</c>.</summary>
public sealed record DatabaseSettings(string Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=data/directpayments.db";

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);

    public static DatabaseSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration["Database:Provider"] is { Length: > 0 } p ? p.Trim().ToLowerInvariant() : "sqlite";
        if (provider is not ("sqlite" or "postgres"))
        {
            throw new InvalidOperationException($"Database:Provider must be 'sqlite' or 'postgres', not '{provider}'.");
        }
        var connection = configuration["Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == "sqlite"
                ? DefaultSqlite
                : throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is 'postgres'.");
        }
        return new DatabaseSettings(provider, connection);
    }
}

public static class DataRegistration
{
    /// <summary>Registers the database context for the configured provider, with an <see cref="ActorContext"/> per scope.</summary>
    public static IServiceCollection AddDirectPaymentsData(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddScoped<ActorContext>();
        services.AddSingleton(TimeProvider.System);
        if (settings.IsPostgres)
        {
            services.AddDbContext<DpDbContext, PostgresDpContext>(o => ConfigurePostgres(o, settings.ConnectionString));
        }
        else
        {
            EnsureSqliteFolder(settings.ConnectionString);
            services.AddDbContext<DpDbContext, SqliteDpContext>(o => ConfigureSqlite(o, settings.ConnectionString));
        }
        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).UseSnakeCaseNamingConvention();

    public static void ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    /// <summary>Creates the folder a SQLite file lives in, so the zero set-up default works on a fresh checkout.</summary>
    public static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.Mode != Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(folder);
        }
    }
}

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteDpContext</c> build the context without the web host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDpContext>
{
    public SqliteDpContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteDpContext>();
        DataRegistration.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteDpContext(options.Options, new ActorContext(), TimeProvider.System);
    }
}

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresDpContext</c> build the context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDpContext>
{
    public PostgresDpContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresDpContext>();
        DataRegistration.ConfigurePostgres(options, "Host=localhost;Database=design_time");
        return new PostgresDpContext(options.Options, new ActorContext(), TimeProvider.System);
    }
}
