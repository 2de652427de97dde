namespace BroadcastGrains.Silo.Health;

/// <summary>The checks behind <c>/health/ready</c>, beside those features register themselves (the SMPP binds').</summary>
internal static class HealthSetup
{
    /// <summary>How long one check may take before it counts as failed.</summary>
    static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static void AddReadinessChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<GrainsHealthCheck>(GrainsHealthCheck.Name, timeout: CheckTimeout)
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, timeout: CheckTimeout);
}
