using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Limits;

/// <summary>
/// A client's request allowance: at most <c>Requests</c> tokens, refilled evenly over <c>PerSeconds</c>. A new limit
/// keeps what is left but never more than the new limit holds, so lowering a limit takes effect on the next request.
/// </summary>
internal sealed class TokenBucket
{
    TokenBucket(RateLimit limit, double tokens, DateTimeOffset refilledAt) =>
        (Limit, Tokens, RefilledAt) = (limit, tokens, refilledAt);

    public RateLimit Limit { get; }

    public double Tokens { get; private set; }

    public DateTimeOffset RefilledAt { get; private set; }

    double PerSecond => (double)Limit.Requests / Limit.PerSeconds;

    public static TokenBucket Full(RateLimit limit, DateTimeOffset now) => new(limit, limit.Requests, now);

    /// <summary>The bucket under <paramref name="limit"/>: refilled by the old rate up to now, then capped by the new size.</summary>
    public TokenBucket WithLimit(RateLimit limit, DateTimeOffset now)
    {
        if (limit == Limit)
        {
            return this;
        }
        Refill(now);
        return new TokenBucket(limit, Math.Min(Tokens, limit.Requests), now);
    }

    /// <summary>Takes one token, or answers how long until one is free.</summary>
    public LimitDecision TryTake(DateTimeOffset now)
    {
        Refill(now);
        if (Tokens >= 1)
        {
            Tokens -= 1;
            return LimitDecision.Allow;
        }
        return new LimitDecision(false, TimeSpan.FromSeconds((1 - Tokens) / PerSecond));
    }

    void Refill(DateTimeOffset now)
    {
        Tokens = Math.Min(Limit.Requests, Tokens + ((now - RefilledAt).TotalSeconds * PerSecond));
        RefilledAt = now;
    }
}
