namespace DirectPayments.Web.Features.Finance.Monitoring;

/// <summary>Registers monitoring: the run, the audit sample, the oversight query and the nightly job.</summary>
public static class MonitoringRegistration
{
    public static IServiceCollection AddMoneyMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MonitoringJobSettings>(configuration.GetSection("Monitoring"));
        services.AddSingleton<MonitoringRun>();
        services.AddSingleton<AuditSampleChooser>();
        services.AddScoped<OversightQuery>();
        services.AddScoped<ReclaimActions>();
        services.AddSingleton<MonitoringJob>();
        services.AddHostedService(sp => sp.GetRequiredService<MonitoringJob>());
        return services;
    }
}
