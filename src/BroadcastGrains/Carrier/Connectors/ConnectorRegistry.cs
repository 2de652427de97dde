using BroadcastGrains.Carrier.Http;
using BroadcastGrains.Carrier.Simulator;
using BroadcastGrains.Carrier.Smpp;
using BroadcastGrains.Routing;
using BroadcastGrains.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Carrier.Connectors;

/// <summary>
/// Every configured connector, open on this silo, each with a link of its own (its own binds, window and share of its
/// rate). One per silo. With no <c>Broadcast:Connectors</c>, the one connector <c>Broadcast:Carrier</c> names is the
/// silo's single carrier link, as before connectors existed.
/// </summary>
public sealed class ConnectorRegistry : IConnectorStates, IAsyncDisposable
{
    readonly Connector[] _connectors;
    readonly Dictionary<string, Connector> _byName;
    readonly List<IAsyncDisposable> _owned = [];

    /// <summary>Opens (builds the links of) the connectors of <paramref name="services"/>' configuration.</summary>
    public ConnectorRegistry(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var configuration = services.GetService<IConfiguration>() ?? new ConfigurationBuilder().Build();
        var settings = ConnectorConfiguration.Read(configuration);
        var limits = new ConnectorLimits(services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<TimeProvider>(),
            services.GetService<ConnectorMetrics>(), services.GetRequiredService<ILoggerFactory>());
        _connectors = [.. settings.Select((s, i) => new Connector(i, s, Open(s, services), limits))];
        _owned.AddRange(_connectors.Select(c => c.Rate).OfType<IAsyncDisposable>());
        _byName = _connectors.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        Descriptors = [.. settings.Select(s => s.Descriptor)];
    }

    /// <summary>The connectors in configuration order.</summary>
    public IReadOnlyList<Connector> Connectors => _connectors;

    /// <summary>What routing needs of them, in the same order.</summary>
    public IReadOnlyList<ConnectorDescriptor> Descriptors { get; }

    /// <summary>The first connector: until the send path routes, every message goes through it.</summary>
    public Connector Primary => _connectors[0];

    /// <summary>The connector named <paramref name="name"/> (any case), or null.</summary>
    public Connector? Find(string name) => _byName.GetValueOrDefault(name);

    /// <inheritdoc />
    public bool IsUp(int connector) => _connectors[connector].IsUp;

    /// <summary>Opens the binds of the SMPP connectors this registry made (the single <c>smpp</c> one opens itself).</summary>
    public void Start()
    {
        foreach (var connector in _connectors)
        {
            if (!connector.Settings.FromCarrierSetting && connector.Carrier is SmppCarrier smpp)
            {
                smpp.Start();
            }
        }
    }

    /// <summary>Closes the links this registry made; the single connector of <c>Broadcast:Carrier</c> is the container's.</summary>
    public async ValueTask DisposeAsync()
    {
        // Taken out first: the hosted service and the container both dispose the registry, and may overlap.
        IAsyncDisposable[] links;
        lock (_owned)
        {
            links = [.. _owned];
            _owned.Clear();
        }
        foreach (var link in links)
        {
            await link.DisposeAsync();
        }
    }

    ICarrierLink Open(ConnectorSettings settings, IServiceProvider services)
    {
        if (settings.FromCarrierSetting)
        {
            return settings.Kind == ConnectorKind.Smpp
                ? services.GetRequiredService<SmppCarrier>()
                : services.GetRequiredService<SimulatorCarrier>();
        }
        var sink = services.GetRequiredService<IReceiptSink>();
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        if (settings.Kind == ConnectorKind.Smpp)
        {
            var smpp = new SmppCarrier(settings.Name, settings.Smpp!, new SmppHealth(), services.GetRequiredService<IGrainFactory>(),
                sink, services.GetService<IInboundMessageSink>(), time, loggers);
            _owned.Add(smpp);
            return smpp;
        }
        if (settings.Kind == ConnectorKind.Http)
        {
            var twilio = new TwilioCarrier(settings.Name, settings.Http!, services.GetRequiredService<IGrainFactory>(), sink, time,
                loggers.CreateLogger<TwilioCarrier>());
            _owned.Add(twilio);
            return twilio;
        }
        var simulator = new SimulatorCarrier(settings.Name, Options.Create(settings.Simulator!), sink, time,
            loggers.CreateLogger<SimulatorCarrier>());
        _owned.Add(simulator);
        return simulator;
    }
}
