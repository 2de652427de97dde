using BroadcastGrains.Silo.Faults;
using Orleans.Runtime;

namespace BroadcastGrains.Api.Tests.Faults;

/// <summary>Which grain-call failures the API retries once: only those of a silo that is gone.</summary>
public sealed class DeadSiloRetryFilterTests
{
    [Fact]
    public void A_call_to_a_silo_that_is_gone_is_retried()
    {
        Assert.True(DeadSiloRetryFilter.SiloUnreachable(new SiloUnavailableException("silo S127.0.0.1:11111 is unavailable")));
        Assert.True(DeadSiloRetryFilter.SiloUnreachable(new OrleansException("call failed", new SiloUnavailableException("gone"))));
    }

    [Fact]
    public void A_failure_of_the_grain_itself_is_not_retried()
    {
        Assert.False(DeadSiloRetryFilter.SiloUnreachable(new InvalidOperationException("a rule refused it")));
        Assert.False(DeadSiloRetryFilter.SiloUnreachable(new TimeoutException("the grain took too long")));
    }
}
