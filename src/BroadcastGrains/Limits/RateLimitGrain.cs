using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Limits;

/// <summary>
/// A token bucket of <c>requests</c> tokens refilled evenly over <c>perSeconds</c>, in memory: one activation in the
/// cluster holds it, so every silo draws on the same allowance. Losing it (deactivation, a crash) only refills it.
/// The operator may change the limit (<c>PATCH /v1/admin/clients/{id}</c>): the client grain tells this grain at once,
/// and the profile is read again every <see cref="ProfileMaxAge"/> anyway, so a lost tell only delays the change.
/// </summary>
[GrainType("rate-limiter")]
internal sealed class RateLimitGrain(TimeProvider time) : Grain, IRateLimitGrain
{
    static readonly TimeSpan ProfileMaxAge = TimeSpan.FromSeconds(5);

    TokenBucket? _bucket;
    DateTimeOffset _readAt;

    public async Task<LimitDecision> TryAcquireAsync()
    {
        // Read on first use, not on activation: a change may activate this grain, and it must not call the client back.
        if (_bucket is null || time.GetUtcNow() - _readAt > ProfileMaxAge)
        {
            await ReloadAsync();
        }
        return _bucket!.TryTake(time.GetUtcNow());
    }

    /// <summary>
    /// Told by the client grain in the middle of its change, so this must not call it back (it is busy with the change).
    /// </summary>
    public Task ChangeLimitAsync(RateLimit limit)
    {
        Apply(limit);
        return Task.CompletedTask;
    }

    async Task ReloadAsync()
    {
        var profile = await GrainFactory.GetGrain<IClientGrain>(this.GetPrimaryKeyString()).GetAsync();
        Apply(profile?.RateLimit ?? RateLimit.Default);
    }

    void Apply(RateLimit limit)
    {
        var now = time.GetUtcNow();
        _bucket = _bucket is null ? TokenBucket.Full(limit, now) : _bucket.WithLimit(limit, now);
        _readAt = now;
    }
}
