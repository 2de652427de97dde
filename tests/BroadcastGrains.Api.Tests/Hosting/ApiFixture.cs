using System.Globalization;
using System.Net.Http.Headers;
using BroadcastGrains.Carrier.Simulator;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Testing.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>
/// The silo exactly as <c>dotnet run</c> starts it (Program.cs: in-memory storage, simulator carrier, the HTTP API),
/// served by real Kestrel on a free loopback port so requests carry a real client address (IP allowlists) and the
/// server's body-size limits apply (PAYLOAD_TOO_LARGE). Orleans gets free silo and gateway ports. Shared by a
/// collection; each test makes its own tenant, so only the price table and the simulator's counters are shared.
/// </summary>
public class ApiFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminKey = "api-tests-operator-key";
    public const string CarrierSecret = "api-tests-carrier-secret";

    readonly int[] _ports = FreePorts.Take(2);
    Uri? _baseAddress;

    public ApiFixture() => UseKestrel(0);

    public int SiloPort => _ports[0];

    public int GatewayPort => _ports[1];

    /// <summary>The settings this silo runs with (API.md "Running and configuration"); subclasses add their own.</summary>
    protected virtual Dictionary<string, string> Settings() => new()
    {
        ["Broadcast:AdminKey"] = AdminKey,
        ["Broadcast:CarrierSecret"] = CarrierSecret,
        ["Broadcast:Simulator:ReceiptDelayMs"] = "50",
        ["Broadcast:Simulator:TrackSubmissions"] = "true",
        ["Broadcast:PartitionSize"] = "2000",
        ["Broadcast:Cluster:SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture),
        ["Broadcast:Cluster:GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture),
        // A cluster id of its own keeps this silo out of any other silo's membership, whatever the ports.
        ["Broadcast:Cluster:ClusterId"] = "api-tests-" + Guid.NewGuid().ToString("N")[..8],
        // Every test here calls from 127.0.0.1, and many check the 401s: the per-address limit on them would make the
        // collection's outcome depend on test order. EdgeApiFixture tests the limit itself.
        ["Broadcast:Http:AnonymousLimit:Burst"] = "1000000",
        ["Broadcast:Http:AnonymousLimit:PerMinute"] = "1000000",
    };

    /// <summary>The silo's simulator carrier: what it was asked to send.</summary>
    public SimulatorCarrier Carrier => Services.GetRequiredService<SimulatorCarrier>();

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BaseAddress });

    /// <summary>Where Kestrel listens (the port is the one the OS picked).</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>A client that sends the operator key.</summary>
    public HttpClient Operator() => WithBearer(AdminKey);

    /// <summary>A client that sends <paramref name="key"/> as <c>Authorization: Bearer</c>.</summary>
    public HttpClient WithBearer(string key)
    {
        var http = Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    /// <summary>A client that sends <paramref name="key"/> as <c>X-Api-Key</c>.</summary>
    public HttpClient WithApiKeyHeader(string key)
    {
        var http = Anonymous();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Fails only the grain calls a test picks (GrainCallFaults): how the 5xx tests fail a command half-way.
        builder.ConfigureServices(services => services.AddSingleton<IOutgoingGrainCallFilter, GrainCallFaults>());
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// The sender every tenant of these tests sends from. A name is approved for one client at a time, so the fixture
    /// shares it with every client once, before any test can approve it for one.
    /// </summary>
    public const string SharedSender = "MyShop";

    public async Task InitializeAsync()
    {
        StartServer();
        // Program.cs reads the cluster settings before the host is built; prove they arrived rather than trust it.
        var endpoints = Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        if (endpoints.SiloPort != SiloPort || endpoints.GatewayPort != GatewayPort)
        {
            throw new InvalidOperationException(
                $"The silo listens on {endpoints.SiloPort}/{endpoints.GatewayPort}, not the free ports {SiloPort}/{GatewayPort}.");
        }
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        _baseAddress = new Uri(addresses.Single());
        var shared = await Services.GetRequiredService<IGrainFactory>().GetGrain<ISharedSendersGrain>(ISharedSendersGrain.Key)
            .ShareAsync(SharedSender, null);
        if (shared.Sender is null)
        {
            throw new InvalidOperationException($"Sharing {SharedSender} failed: {shared.Error} {shared.Detail}");
        }
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
