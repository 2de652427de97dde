using BroadcastGrains.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.ExternalClient.Tests.Hosting;

/// <summary>
/// One real silo process and one plain Orleans client connected to its gateway, as another Orleans app would be:
/// the client knows the cluster only through the Abstractions assembly.
/// </summary>
public sealed class ExternalClusterFixture : IAsyncLifetime
{
    const string AdminKey = "adm_external_client_tests_0123456789abcdef";
    const string ClusterId = "broadcastgrains";

    EmbeddedSilo? _silo;
    IHost? _clientHost;

    /// <summary>The connected cluster client.</summary>
    public IClusterClient Client =>
        _clientHost?.Services.GetRequiredService<IClusterClient>() ?? throw new InvalidOperationException("not started");

    /// <summary>The silo's latest output, for failure messages.</summary>
    public string SiloLog => _silo?.Log ?? "";

    public async Task InitializeAsync()
    {
        _silo = await EmbeddedSilo.StartAsync(AdminKey, ClusterId,
            new Dictionary<string, string> { ["Broadcast__Simulator__ReceiptDelayMs"] = "50" });
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.UseOrleansClient(client => client.UseLocalhostClustering(
                _silo.Endpoints.GatewayPort, serviceId: ClusterId, clusterId: ClusterId));
            _clientHost = builder.Build();
            await _clientHost.StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_clientHost is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _clientHost.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // The silo goes next anyway.
            }
            _clientHost.Dispose();
            _clientHost = null;
        }
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
            _silo = null;
        }
    }
}
