using BroadcastGrains.Catalogue;
using BroadcastGrains.Postgres.Tests.Hosting;
using BroadcastGrains.Storage;
using BroadcastGrains.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Storage;

namespace BroadcastGrains.Postgres.Tests.Cluster;

/// <summary>
/// Orleans' ADO.NET providers against the project's own SQL: every stored query, called the way Orleans calls it,
/// including the optimistic-concurrency answers Orleans relies on.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OrleansProviderTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Grain_storage_writes_reads_clears_and_detects_a_stale_version()
    {
        await using var silo = await InProcessSilo.StartAsync(await postgres.CreateMigratedDatabaseAsync("provider_state"));
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var grain = GrainId.Create("contract", "key-1");

        var written = new GrainState<List<int>>([1, 2, 3]);
        await storage.WriteStateAsync("state", grain, written);
        var read = new GrainState<List<int>>();
        await storage.ReadStateAsync("state", grain, read);
        Assert.Equal([1, 2, 3], read.State);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);

        read.State!.Add(4);
        await storage.WriteStateAsync("state", grain, read);
        // The first copy still holds the version before that write: its write must be refused, not lost silently.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", grain, written));
        // So must a second "first write" of the same grain (two activations racing to create it).
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            storage.WriteStateAsync("state", grain, new GrainState<List<int>>([9])));

        await storage.ClearStateAsync("state", grain, read);
        var cleared = new GrainState<List<int>>();
        await storage.ReadStateAsync("state", grain, cleared);
        Assert.False(cleared.RecordExists);
        Assert.Empty(cleared.State!);
    }

    [Fact]
    public async Task Reminders_are_upserted_read_by_grain_and_by_hash_range_and_removed_by_version()
    {
        await using var silo = await InProcessSilo.StartAsync(await postgres.CreateMigratedDatabaseAsync("provider_reminders"));
        var reminders = silo.Services.GetRequiredService<IReminderTable>();
        var grain = GrainId.Create("contract", "reminded");
        var entry = new ReminderEntry
        {
            GrainId = grain, ReminderName = "tick", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(5),
        };

        var first = await reminders.UpsertRow(entry) ?? throw new InvalidOperationException("no etag");
        var second = await reminders.UpsertRow(entry) ?? throw new InvalidOperationException("no etag");
        Assert.NotEqual(first, second);
        var row = await reminders.ReadRow(grain, "tick") ?? throw new InvalidOperationException("no row");
        Assert.Equal(TimeSpan.FromMinutes(5), row.Period);
        Assert.Equal(second, row.ETag);
        Assert.Single((await reminders.ReadRows(grain)).Reminders);
        var hash = grain.GetUniformHashCode();
        Assert.Single((await reminders.ReadRows(hash - 1, hash)).Reminders);
        // A range that wraps around the ring (begin > end) takes the other query.
        Assert.Single((await reminders.ReadRows(hash - 1, hash - 2)).Reminders);
        Assert.Empty((await reminders.ReadRows(hash, hash + 1)).Reminders);

        Assert.False(await reminders.RemoveRow(grain, "tick", first));
        Assert.True(await reminders.RemoveRow(grain, "tick", second));
        Assert.Empty((await reminders.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Membership_lists_the_active_silo_and_an_Orleans_client_finds_its_gateway_in_the_table()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("provider_membership");
        await using var silo = await InProcessSilo.StartAsync(database);
        var membership = silo.Services.GetRequiredService<IMembershipTable>();

        var table = await membership.ReadAllAsync(CancellationToken.None);
        var (entry, _) = Assert.Single(table.Members);
        Assert.Equal(SiloStatus.Active, entry.Status);
        Assert.Equal(silo.Endpoints.SiloPort, entry.SiloAddress.Endpoint.Port);
        Assert.Equal(silo.Endpoints.GatewayPort, entry.ProxyPort);
        await membership.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.Single((await membership.ReadAllAsync(CancellationToken.None)).Members);

        // Another Orleans app joins as a client through the same table (the gateways query).
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (SiloProcess.ClusterId, SiloProcess.ClusterId));
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (PostgresOptions.Invariant, database));
        });
        using var clientHost = builder.Build();
        await clientHost.StartAsync();
        var prices = await clientHost.Services.GetRequiredService<IClusterClient>()
            .GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).GetAsync();
        Assert.True(prices.DefaultPerSegment > 0);
        await clientHost.StopAsync();
    }
}
