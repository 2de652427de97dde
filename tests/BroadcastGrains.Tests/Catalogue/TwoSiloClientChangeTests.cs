using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Limits;
using BroadcastGrains.Tests.Cluster;
using BroadcastGrains.Tests.Lifecycle;
using BroadcastGrains.Tests.Quota;

namespace BroadcastGrains.Tests.Catalogue;

/// <summary>Issue 20 item 5: an operator's change to a client holds on every silo at once (two silos).</summary>
public sealed class TwoSiloClientChangeTests(TwoSiloClusterFixture cluster) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task A_lowered_rate_limit_made_through_one_silo_caps_requests_through_both_at_once()
    {
        var clientId = "client-" + Guid.NewGuid().ToString("N");
        await cluster.Silo(0).GetGrain<IClientGrain>(clientId).CreateAsync(new ClientProfile { Id = clientId, Name = "Shop" });
        // Both silos have drawn on the bucket under the default limit.
        var before = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            cluster.Silo(i % 2).GetGrain<IRateLimitGrain>(clientId).TryAcquireAsync()));
        Assert.All(before, d => Assert.True(d.Allowed));

        await cluster.Silo(1).GetGrain<IClientGrain>(clientId).UpdateAsync(new ClientPatch { RateLimit = new(new RateLimit(3, 3600)) });

        var after = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            cluster.Silo(i % 2).GetGrain<IRateLimitGrain>(clientId).TryAcquireAsync()));
        Assert.Equal(3, after.Count(d => d.Allowed));
        Assert.All(after.Where(d => !d.Allowed), d => Assert.True(d.RetryAfter > TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_lowered_daily_quota_made_through_one_silo_refuses_the_next_run_started_through_the_other()
    {
        var clientId = await QuotaKit.ClientAsync(cluster.Silo(0), dailyQuota: 100);
        var (first, _) = await LifecycleKit.CreateAsync(cluster.Silo(1), QuotaKit.Now(clientId, QuotaKit.Numbers(3)));
        await first.WaitForStatusAsync(clientId, BroadcastStatus.Completed);

        var changed = await cluster.Silo(0).GetGrain<IClientGrain>(clientId).UpdateAsync(new ClientPatch { DailyQuota = new(5L) });

        Assert.Equal(5, changed!.DailyQuota);
        await QuotaKit.AssertOverQuotaAsync(cluster.Silo(1), clientId, 3);
        await QuotaKit.AssertOverQuotaAsync(cluster.Silo(0), clientId, 3);
        // What is left of the lowered quota still fits.
        await LifecycleKit.CreateAsync(cluster.Silo(1), QuotaKit.Now(clientId, QuotaKit.Numbers(2, 100)));
    }
}
