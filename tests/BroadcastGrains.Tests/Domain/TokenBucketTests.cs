using BroadcastGrains.Catalogue;
using BroadcastGrains.Limits;

namespace BroadcastGrains.Tests.Domain;

/// <summary>Issue 20 item 5: the rate limit's bucket, and what a changed limit does to the tokens left.</summary>
public sealed class TokenBucketTests
{
    static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_full_bucket_allows_its_limit_then_refuses_until_a_token_is_refilled()
    {
        var bucket = TokenBucket.Full(new RateLimit(2, 10), Start);

        Assert.True(bucket.TryTake(Start).Allowed);
        Assert.True(bucket.TryTake(Start).Allowed);
        var refused = bucket.TryTake(Start);

        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.RetryAfter);
        Assert.True(bucket.TryTake(Start.AddSeconds(5)).Allowed);
    }

    [Fact]
    public void A_lowered_limit_caps_the_tokens_left_at_once()
    {
        var bucket = TokenBucket.Full(new RateLimit(1000, 60), Start);
        bucket.TryTake(Start);

        var lowered = bucket.WithLimit(new RateLimit(3, 3600), Start);

        Assert.Equal(3, Enumerable.Range(0, 10).Count(_ => lowered.TryTake(Start).Allowed));
    }

    [Fact]
    public void A_raised_limit_keeps_what_was_left_and_refills_at_the_new_rate()
    {
        var bucket = TokenBucket.Full(new RateLimit(1, 60), Start);
        bucket.TryTake(Start);

        var raised = bucket.WithLimit(new RateLimit(10, 10), Start);

        Assert.False(raised.TryTake(Start).Allowed, "raising the limit gives no burst of new tokens");
        Assert.True(raised.TryTake(Start.AddSeconds(1)).Allowed);
        Assert.Same(raised, raised.WithLimit(new RateLimit(10, 10), Start));
    }
}
