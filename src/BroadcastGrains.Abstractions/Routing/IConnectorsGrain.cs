namespace BroadcastGrains.Routing;

/// <summary>The cluster's connectors and their state on every silo (API.md <c>GET /v1/admin/connectors</c>).</summary>
[Alias("connectors-grain")]
public interface IConnectorsGrain : IGrainWithStringKey
{
    /// <summary>The one key this grain is called at.</summary>
    public const string Key = "global";

    /// <summary>Asks every active silo for its connectors' state and merges the answers, in configuration order.</summary>
    [Alias("list")]
    Task<IReadOnlyList<ConnectorView>> ListAsync();
}
