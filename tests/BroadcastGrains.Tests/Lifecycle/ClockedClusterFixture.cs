using BroadcastGrains.Hosting;
using BroadcastGrains.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// The default cluster, with the broadcasts reading their schedule from a <see cref="ShiftedClock"/> the tests move
/// months ahead. Orleans keeps the real clock, so its reminders are stored with real due times that the tests read.
/// The clock only moves forward; each test schedules relative to where it stands.
/// </summary>
public sealed class ClockedClusterFixture : ClusterFixture
{
    internal ShiftedClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddKeyedSingleton<TimeProvider>(BroadcastClock.Key, Clock);
    }
}
