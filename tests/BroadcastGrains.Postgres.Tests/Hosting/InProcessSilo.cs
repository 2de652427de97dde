using System.Globalization;
using BroadcastGrains.Hosting;
using BroadcastGrains.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>
/// A silo wired exactly as the real one (<see cref="SiloSetup"/>), hosted in the test process so tests can call the
/// Orleans providers' tables directly: membership, grain storage, reminders.
/// </summary>
internal sealed class InProcessSilo : IAsyncDisposable
{
    InProcessSilo(IHost host, SiloEndpoints endpoints)
    {
        Host = host;
        Endpoints = endpoints;
    }

    public IHost Host { get; }

    public SiloEndpoints Endpoints { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>Starts the silo; <paramref name="broadcastClock"/>, when given, is the clock broadcasts read their schedule by.</summary>
    public static async Task<InProcessSilo> StartAsync(string connectionString, TimeProvider? broadcastClock = null)
    {
        var endpoints = SiloEndpoints.Fresh();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Broadcast:Storage"] = "Postgres",
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Broadcast:Cluster:ClusterId"] = SiloProcess.ClusterId,
            ["Broadcast:Cluster:SiloPort"] = endpoints.SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Broadcast:Cluster:GatewayPort"] = endpoints.GatewayPort.ToString(CultureInfo.InvariantCulture),
        });
        builder.UseOrleans(silo => SiloSetup.ConfigureSilo(silo, builder.Configuration));
        if (broadcastClock is not null)
        {
            builder.Services.AddKeyedSingleton(BroadcastClock.Key, broadcastClock);
        }
        builder.Services.AddBroadcastGrains();
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessSilo(host, endpoints);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await Host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A slow stop does not fail the test that is over.
        }
        Host.Dispose();
    }
}
