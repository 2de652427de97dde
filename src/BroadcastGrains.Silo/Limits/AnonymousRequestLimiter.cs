using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Silo.Limits;

/// <summary>
/// One token bucket per source address for requests without valid credentials. Buckets of addresses that went quiet
/// are dropped by <see cref="PartitionedRateLimiter"/> itself, so a scan from many addresses does not grow memory for good.
/// </summary>
internal sealed class AnonymousRequestLimiter : IDisposable
{
    readonly PartitionedRateLimiter<string> _limiter;

    public AnonymousRequestLimiter(IOptions<AnonymousLimitOptions> options)
    {
        var limit = options.Value;
        // One token back every 60/PerMinute seconds, rather than all at once each minute, so a burst cannot repeat at
        // every window edge.
        TokenPeriod = TimeSpan.FromMinutes(1) / limit.PerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit.Burst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TokenPeriod,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>How long one token takes to come back: the wait to announce when a lease carries none.</summary>
    public TimeSpan TokenPeriod { get; }

    public RateLimitLease Acquire(string sourceAddress) => _limiter.AttemptAcquire(sourceAddress);

    public void Dispose() => _limiter.Dispose();
}
