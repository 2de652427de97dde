namespace BroadcastGrains.Broadcasts;

/// <summary>
/// The cluster's list of broadcasts that are scheduled or sending, woken once a minute by a reminder. Reminders are not
/// replayed for ticks missed while a silo was down, and partitions of a dead silo wait for a call: the sweep makes sure
/// every broadcast that is due or sending gets one. One grain, key <see cref="Key"/>.
/// </summary>
[Alias("broadcast-sweep")]
public interface IBroadcastSweepGrain : IGrainWithStringKey
{
    /// <summary>The one key this grain lives at.</summary>
    public const string Key = "global";

    /// <summary>Adds (active) or removes a broadcast.</summary>
    [Alias("track")]
    Task TrackAsync(string broadcastId, bool active);
}
