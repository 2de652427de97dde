using BroadcastGrains.Routing;

namespace BroadcastGrains.Carrier.Connectors.State;

/// <summary>
/// The connectors of one silo, asked on that silo (key: its <see cref="SiloAddress.ToParsableString"/>, placed by
/// <see cref="SiloKeyedPlacementStrategy"/>). Answers null when the activation is not on the silo its key names (that silo left).
/// </summary>
[Alias("silo-connectors")]
internal interface ISiloConnectorsGrain : IGrainWithStringKey
{
    [Alias("get")]
    Task<ConnectorSiloView[]?> GetAsync();
}

/// <summary>Reads this silo's <see cref="ConnectorRegistry"/>, in configuration order.</summary>
[GrainType("silo-connectors"), SiloKeyedPlacement]
internal sealed class SiloConnectorsGrain(ConnectorRegistry registry, ILocalSiloDetails silo) : Grain, ISiloConnectorsGrain
{
    public Task<ConnectorSiloView[]?> GetAsync()
    {
        var here = silo.SiloAddress.ToParsableString();
        if (this.GetPrimaryKeyString() != here)
        {
            DeactivateOnIdle();
            return Task.FromResult<ConnectorSiloView[]?>(null);
        }
        return Task.FromResult<ConnectorSiloView[]?>([.. registry.Connectors.Select(c => new ConnectorSiloView(
            here, c.IsUp ? ConnectorView.Up : ConnectorView.Down, c.BindsUp, c.Binds, c.Tally.Today))]);
    }
}
