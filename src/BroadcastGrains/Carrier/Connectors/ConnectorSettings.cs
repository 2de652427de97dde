using BroadcastGrains.Carrier.Http;
using BroadcastGrains.Carrier.Simulator;
using BroadcastGrains.Carrier.Smpp;
using BroadcastGrains.Routing;

namespace BroadcastGrains.Carrier.Connectors;

/// <summary>One connector as configuration describes it, checked, with the settings of its kind.</summary>
public sealed record ConnectorSettings(
    string Name,
    ConnectorKind Kind,
    int MaxSubmitsPerSecond,
    long DailyLimit,
    bool SupportsMms,
    SmppOptions? Smpp,
    SimulatorOptions? Simulator)
{
    /// <summary>True for the one connector <c>Broadcast:Carrier</c> makes when no connector is configured.</summary>
    public bool FromCarrierSetting { get; init; }

    /// <summary>The HTTP carrier's settings, for an <see cref="ConnectorKind.Http"/> connector.</summary>
    public TwilioOptions? Http { get; init; }

    /// <summary>What routing needs of it.</summary>
    public ConnectorDescriptor Descriptor => new(Name, Kind.ToString(), SupportsMms, MaxSubmitsPerSecond, DailyLimit);
}
