namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Pacing for drip and quiet hours: the <see cref="SendPacer"/> lives in this single activation, so the rate holds
/// across all partitions and silos together.
/// </summary>
internal sealed partial class BroadcastGrain
{
    readonly SendPacer pacer = new();

    public Task<SendGrant> AcquireSendsAsync(int run, int wanted) => Task.FromResult(pacer.Grant(State, run, wanted, time.GetUtcNow()));
}
