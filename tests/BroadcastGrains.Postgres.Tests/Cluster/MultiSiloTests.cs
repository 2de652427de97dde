using BroadcastGrains.Postgres.Tests.Hosting;

namespace BroadcastGrains.Postgres.Tests.Cluster;

/// <summary>Two silo processes on one PostgreSQL form one cluster, started as README "Running a cluster" says.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MultiSiloTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Two_silos_on_one_database_form_one_cluster_and_either_serves_what_the_other_created()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("two_silos");
        await using var siloA = await SiloProcess.StartAsync(SiloEndpoints.Fresh(), database);
        await using var siloB = await SiloProcess.StartAsync(SiloEndpoints.Fresh(), database);

        var active = await Eventually.ReadAsync(() => MembershipTable.ActiveSiloPortsAsync(database),
            ports => ports.Length == 2, "both silos to be Active in the membership table");
        Assert.Equal(new[] { siloA.Endpoints.SiloPort, siloB.Endpoints.SiloPort }.Order(), active.Order());

        var (_, key) = await Api.CreateClientAsync(siloA, credits: 50);
        var broadcastId = await Api.SendBroadcastAsync(siloA, key);
        var throughB = await Api.WaitCompletedAsync(siloB, key, broadcastId);
        var throughA = await Api.GetAsync(siloA, key, $"/v1/broadcasts/{broadcastId}");

        Assert.Equal(3, throughB["recipientCount"]!.GetValue<int>());
        Assert.Equal(throughB.ToJsonString(), throughA.ToJsonString());
        var wallet = await Api.GetAsync(siloB, key, "/v1/wallet");
        Assert.Equal(50m - throughB["spentCredits"]!.GetValue<decimal>(), wallet["balance"]!.GetValue<decimal>());
        SiloLog.AssertClean(siloA.Log);
        SiloLog.AssertClean(siloB.Log);
    }
}
