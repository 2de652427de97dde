using BroadcastGrains.Postgres.Tests.Hosting;
using BroadcastGrains.Testing.Postgres;
using System.Text.Json.Nodes;
using Npgsql;

namespace BroadcastGrains.Postgres.Tests.Faults;

/// <summary>
/// Issue 17 item 6: README "Backup and restore". A <c>pg_dump</c> of a running cluster's database, restored with
/// <c>pg_restore</c> into a fresh server, is the whole cluster: a silo started on it serves the same broadcasts and
/// wallets, and the keys issued before the dump still authenticate.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BackupRestoreTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_dump_restored_into_a_fresh_server_serves_the_same_broadcasts_wallets_and_keys()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("backup");
        var endpoints = SiloEndpoints.Fresh();
        string key, broadcastId, broadcastBefore, walletBefore, keysBefore, clientId;
        string dump;
        await using (var original = await SiloProcess.StartAsync(endpoints, database))
        {
            (clientId, key) = await Api.CreateClientAsync(original, credits: 40);
            broadcastId = await Api.SendBroadcastAsync(original, key);
            broadcastBefore = (await Api.WaitCompletedAsync(original, key, broadcastId)).ToJsonString();
            walletBefore = (await Api.GetAsync(original, key, "/v1/wallet")).ToJsonString();
            keysBefore = KeysOf(await Api.GetAsync(original, SiloProcess.AdminKey, $"/v1/admin/clients/{clientId}/api-keys"));

            // Taken while the silo runs, as a nightly backup is: pg_dump reads one consistent snapshot.
            dump = await postgres.Server.DumpAsync(new NpgsqlConnectionStringBuilder(database).Database!);
            await original.StopAsync();
        }

        await using var freshServer = await PostgresServer.StartAsync();
        var restored = await freshServer.CreateDatabaseAsync("restored");
        await freshServer.RestoreAsync(dump, new NpgsqlConnectionStringBuilder(restored).Database!);
        // The restored host takes the old one's addresses: Orleans supersedes the old silo's membership row at once.
        await using var silo = await SiloProcess.StartAsync(endpoints, restored);

        Assert.Equal(broadcastBefore, (await Api.GetAsync(silo, key, $"/v1/broadcasts/{broadcastId}")).ToJsonString());
        Assert.Equal(walletBefore, (await Api.GetAsync(silo, key, "/v1/wallet")).ToJsonString());
        Assert.Equal(keysBefore, KeysOf(await Api.GetAsync(silo, SiloProcess.AdminKey, $"/v1/admin/clients/{clientId}/api-keys")));
        // And it keeps working: the restored wallet pays for a new broadcast, which completes.
        var next = await Api.SendBroadcastAsync(silo, key);
        await Api.WaitCompletedAsync(silo, key, next);
    }

    /// <summary>The keys' identities (<c>lastUsedAt</c> moves with every use, so it is left out).</summary>
    static string KeysOf(JsonNode listing)
    {
        var items = listing as JsonArray ?? listing["items"]!.AsArray();
        return string.Join("; ", items.Select(k => string.Join('|', k!["id"], k["name"], k["prefix"], k["createdAt"],
            k["scopes"]!.ToJsonString())));
    }
}
