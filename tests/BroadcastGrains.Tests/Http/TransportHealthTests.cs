using BroadcastGrains.Carrier.Http;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastGrains.Tests.Http;

/// <summary>An HTTP connector is down only when its recent requests all failed at the transport level, and probes while down.</summary>
public class TransportHealthTests
{
    [Fact]
    public void Failures_short_of_the_threshold_or_broken_by_an_answer_keep_it_up()
    {
        var health = new TransportHealth(new FakeTimeProvider());
        for (var i = 0; i < TransportHealth.FailuresToDown - 1; i++)
        {
            health.TransportFailed();
        }
        health.Answered();
        for (var i = 0; i < TransportHealth.FailuresToDown - 1; i++)
        {
            health.TransportFailed();
        }

        Assert.True(health.IsUp);
        Assert.True(health.MayTry());
    }

    [Fact]
    public void All_recent_requests_failing_makes_it_down_with_one_probe_per_period_until_an_answer()
    {
        var time = new FakeTimeProvider();
        var health = new TransportHealth(time);
        for (var i = 0; i < TransportHealth.FailuresToDown; i++)
        {
            health.TransportFailed();
        }

        Assert.False(health.IsUp);
        Assert.False(health.MayTry());
        time.Advance(TransportHealth.ProbeEvery);
        Assert.True(health.MayTry());
        Assert.False(health.MayTry());
        health.Answered();
        Assert.True(health.IsUp);
        Assert.True(health.MayTry());
    }
}
