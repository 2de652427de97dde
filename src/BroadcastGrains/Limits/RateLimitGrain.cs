using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Limits;

/// <summary>
/// A token bucket of <c>requests</c> tokens refilled evenly over <c>perSeconds</c>, in memory: one activation in the
/// cluster holds it, so every silo draws on the same allowance. Losing it (deactivation, a crash) only refills it.
/// The client's profile is read once per activation: a client's limits do not change.
/// </summary>
[GrainType("rate-limiter")]
internal sealed class RateLimitGrain(TimeProvider time) : Grain, IRateLimitGrain
{
    RateLimit? limit;
    double tokens;
    DateTimeOffset refilledAt;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var profile = await GrainFactory.GetGrain<IClientGrain>(this.GetPrimaryKeyString()).GetAsync();
        limit = profile?.RateLimit ?? RateLimit.Default;
        tokens = limit.Requests;
        refilledAt = time.GetUtcNow();
    }

    public Task<LimitDecision> TryAcquireAsync()
    {
        var now = time.GetUtcNow();
        var perSecond = (double)limit!.Requests / limit.PerSeconds;
        tokens = Math.Min(limit.Requests, tokens + ((now - refilledAt).TotalSeconds * perSecond));
        refilledAt = now;
        if (tokens >= 1)
        {
            tokens -= 1;
            return Task.FromResult(LimitDecision.Allow);
        }
        return Task.FromResult(new LimitDecision(false, TimeSpan.FromSeconds((1 - tokens) / perSecond)));
    }
}
