namespace BroadcastGrains.Carrier.Connectors.State;

/// <summary>
/// Places a grain on the silo its key names (<see cref="SiloAddress.ToParsableString"/>): how the cluster asks one
/// particular silo about its own connectors. A key naming a silo that is gone activates on the caller's silo, which
/// then answers that it is not the silo asked for.
/// </summary>
[GenerateSerializer, Immutable, Alias("silo-keyed-placement")]
public sealed class SiloKeyedPlacementStrategy : PlacementStrategy
{
    /// <summary>The one instance grains share.</summary>
    public static SiloKeyedPlacementStrategy Instance { get; } = new();
}
