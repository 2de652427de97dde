namespace BroadcastGrains.Routing;

/// <summary>Whether each connector (by its index in configuration order) can take messages on this silo now.</summary>
public interface IConnectorStates
{
    /// <summary>True when connector <paramref name="connector"/> is up on this silo.</summary>
    bool IsUp(int connector);
}
