using Orleans.Placement;

namespace BroadcastGrains.Carrier.Connectors.State;

/// <summary>Marks a grain class as placed by <see cref="SiloKeyedPlacementStrategy"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloKeyedPlacementAttribute : PlacementAttribute
{
    /// <summary>Marks the class.</summary>
    public SiloKeyedPlacementAttribute() : base(SiloKeyedPlacementStrategy.Instance)
    {
    }
}
