using Orleans.Runtime.Placement;

namespace BroadcastGrains.Carrier.Connectors.State;

/// <summary>Puts a <see cref="SiloKeyedPlacementStrategy"/> grain on the silo of its key when that silo is still compatible.</summary>
internal sealed class SiloKeyedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        var compatible = context.GetCompatibleSilos(target);
        var wanted = compatible.FirstOrDefault(silo => silo.ToParsableString() == key);
        return Task.FromResult(wanted ?? context.LocalSilo);
    }
}
