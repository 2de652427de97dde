using BroadcastGrains.Carrier.Connectors.Rate;
using BroadcastGrains.Carrier.Http;
using BroadcastGrains.Carrier.Smpp;
using BroadcastGrains.Routing;

namespace BroadcastGrains.Carrier.Connectors;

/// <summary>
/// One connector open on this silo: its settings, the link partitions hand batches to, and its state here. Up means it
/// can take messages now: an SMPP connector with at least one bind bound on this silo, an HTTP connector unless its
/// recent requests all failed at the transport level, a simulator always.
/// </summary>
public sealed class Connector
{
    readonly SmppCarrier? _smpp;
    readonly TwilioCarrier? _http;

    internal Connector(int index, ConnectorSettings settings, ICarrierLink carrier, ConnectorLimits limits)
    {
        Index = index;
        Settings = settings;
        Carrier = carrier;
        _smpp = carrier as SmppCarrier;
        _http = carrier as TwilioCarrier;
        Tally = new DailyPartTally(limits.Time);
        Rate = limits.RateGate(settings);
        Daily = limits.Allowance(settings);
        Link = new PacedCarrierLink(new CountedCarrierLink(carrier, Tally, limits.Metrics), Rate, Daily, limits.Metrics);
    }

    /// <summary>This silo's part of its <c>MaxSubmitsPerSecond</c>, or null when it has none.</summary>
    public ConnectorRateGate? Rate { get; }

    /// <summary>This silo's side of its <c>DailyLimit</c>, or null when it has none.</summary>
    public DailyAllowance? Daily { get; }

    /// <summary>Its place in configuration order, as routes and <see cref="IConnectorStates"/> name it.</summary>
    public int Index { get; }

    /// <summary>Its name (<c>/v1/carrier/{name}</c>, the <c>connector</c> recipients show).</summary>
    public string Name => Settings.Name;

    /// <summary>What configuration says of it.</summary>
    public ConnectorSettings Settings { get; }

    /// <summary>The carrier's own link (an <see cref="SmppCarrier"/> or a simulator).</summary>
    public ICarrierLink Carrier { get; }

    /// <summary>The link to submit through: the carrier's under the connector's limits, counting the parts it takes.</summary>
    public ICarrierLink Link { get; }

    /// <summary>Parts taken on this silo today (UTC).</summary>
    public DailyPartTally Tally { get; }

    /// <summary>True when it can take messages on this silo now.</summary>
    public bool IsUp => _smpp is not null ? _smpp.Health.BoundCount > 0 : _http?.Health.IsUp ?? true;

    /// <summary>Binds bound on this silo (0 for connectors without binds).</summary>
    public int BindsUp => _smpp?.Health.BoundCount ?? 0;

    /// <summary>Binds this silo keeps open (0 for connectors without binds).</summary>
    public int Binds => _smpp?.Binds ?? 0;
}
