namespace BroadcastGrains.Silo.Api;

/// <summary>
/// Counts each client's open event streams on this silo: a stream holds a connection and polls its broadcast
/// every half second for as long as it stays open, so a client may keep at most <see cref="Limit"/> of them.
/// </summary>
internal sealed class EventStreamSlots() : PerClientSlots(Limit)
{
    public const int Limit = 10;
}
