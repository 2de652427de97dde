using Orleans.Concurrency;

namespace BroadcastGrains.Limits;

/// <summary>
/// A client's API rate limit, one token bucket for the whole cluster (one activation), so more silos never mean a
/// larger allowance. The limit is the client's <c>rateLimit</c> (1000 requests per 60 s unless the operator set
/// another; a change holds within seconds). Keyed by client id.
/// </summary>
[Alias("rate-limiter")]
public interface IRateLimitGrain : IGrainWithStringKey
{
    /// <summary>Takes one request from the bucket, or answers when one is free again.</summary>
    [Alias("acquire")]
    Task<LimitDecision> TryAcquireAsync();

    /// <summary>
    /// The client's new <c>rateLimit</c> (the operator changed it): a lower limit holds from the next request, and the
    /// bucket never keeps more tokens than the new limit allows. Interleaves: the client grain tells this in the middle
    /// of its change, while this grain may be waiting on that client for its profile; waiting for each other would
    /// hold both until the call timed out. It only replaces the bucket, with no await, so interleaving is safe.
    /// </summary>
    [AlwaysInterleave]
    [Alias("change-limit")]
    Task ChangeLimitAsync(Catalogue.RateLimit limit);
}
