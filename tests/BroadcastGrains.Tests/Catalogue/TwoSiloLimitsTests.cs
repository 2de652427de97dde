using BroadcastGrains.Catalogue;
using BroadcastGrains.Limits;

namespace BroadcastGrains.Tests.Catalogue;

/// <summary>Issue 6: a client's rate limit and a revoked key hold across silos (two silos must not double anything).</summary>
public sealed class TwoSiloLimitsTests(TwoSiloClusterFixture cluster) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task A_rate_limit_is_one_allowance_whichever_silo_the_requests_come_through()
    {
        var clientId = "client-" + Guid.NewGuid().ToString("N");
        await cluster.Silo(0).GetGrain<IClientGrain>(clientId)
            .CreateAsync(new ClientProfile { Id = clientId, Name = "Limited", RateLimit = new RateLimit(6, 3600) });

        var decisions = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            cluster.Silo(i % 2).GetGrain<IRateLimitGrain>(clientId).TryAcquireAsync()));

        Assert.Equal(6, decisions.Count(d => d.Allowed));
        Assert.All(decisions.Where(d => !d.Allowed), d => Assert.True(d.RetryAfter > TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_daily_quota_is_shared_by_both_silos()
    {
        var clientId = "client-" + Guid.NewGuid().ToString("N");
        var first = await cluster.Silo(0).GetGrain<IDailyQuotaGrain>(clientId).ReserveAsync("bc-1/run/1", 60, 100);
        var second = await cluster.Silo(1).GetGrain<IDailyQuotaGrain>(clientId).ReserveAsync("bc-2/run/1", 60, 100);
        var retried = await cluster.Silo(1).GetGrain<IDailyQuotaGrain>(clientId).ReserveAsync("bc-1/run/1", 60, 100);

        Assert.True(first.Allowed);
        Assert.False(second.Allowed);
        Assert.True(retried.Allowed, "a retried reservation counts once");
        await cluster.Silo(1).GetGrain<IDailyQuotaGrain>(clientId).ReleaseAsync("bc-1/run/1", 60);
        Assert.True((await cluster.Silo(0).GetGrain<IDailyQuotaGrain>(clientId).ReserveAsync("bc-2/run/1", 60, 100)).Allowed);
    }

    [Fact]
    public async Task A_key_revoked_through_one_silo_fails_at_once_through_the_other()
    {
        var keyId = Guid.NewGuid().ToString("N")[..16];
        var hash = System.Security.Cryptography.SHA256.HashData("the key"u8);
        await cluster.Silo(0).GetGrain<IApiKeyGrain>(keyId).IssueAsync(new ApiKeyRecord
        {
            Id = keyId, OwnerKind = ApiKeyOwner.Client, OwnerId = "client-x", Scopes = ["*"], Prefix = "bgk_" + keyId, SecretHash = hash,
        });
        Assert.NotNull(await cluster.Silo(0).GetGrain<IApiKeyGrain>(keyId).VerifyAsync(hash));
        Assert.NotNull(await cluster.Silo(1).GetGrain<IApiKeyGrain>(keyId).VerifyAsync(hash));

        Assert.True(await cluster.Silo(1).GetGrain<IApiKeyGrain>(keyId).RevokeAsync());

        Assert.Null(await cluster.Silo(0).GetGrain<IApiKeyGrain>(keyId).VerifyAsync(hash));
        Assert.Null(await cluster.Silo(1).GetGrain<IApiKeyGrain>(keyId).VerifyAsync(hash));
    }
}
