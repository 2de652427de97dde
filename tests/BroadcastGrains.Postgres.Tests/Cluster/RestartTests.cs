using System.Text.Json.Nodes;
using BroadcastGrains.Postgres.Tests.Hosting;

namespace BroadcastGrains.Postgres.Tests.Cluster;

/// <summary>A silo on PostgreSQL serves the API, and stopping every silo loses nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RestartTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_broadcast_completes_and_a_full_cluster_restart_keeps_clients_keys_wallets_and_broadcasts()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("restart");
        var endpoints = SiloEndpoints.Fresh();
        string clientId, key, broadcastId;
        JsonNode broadcast, wallet, recipients;
        await using (var silo = await SiloProcess.StartAsync(endpoints, database))
        {
            (clientId, key) = await Api.CreateClientAsync(silo, credits: 100);
            broadcastId = await Api.SendBroadcastAsync(silo, key);
            broadcast = await Api.WaitCompletedAsync(silo, key, broadcastId);
            wallet = await Api.GetAsync(silo, key, "/v1/wallet");
            recipients = await Api.GetAsync(silo, key, $"/v1/broadcasts/{broadcastId}/recipients");

            Assert.Equal(3, broadcast["recipientCount"]!.GetValue<int>());
            Assert.Equal(2, broadcast["drSummary"]!["delivered"]!.GetValue<int>());
            Assert.Equal(1, broadcast["drSummary"]!["failed"]!.GetValue<int>());
            Assert.Equal(100m - broadcast["spentCredits"]!.GetValue<decimal>(), wallet["balance"]!.GetValue<decimal>());
            Assert.Equal(0m, wallet["held"]!.GetValue<decimal>());
            Assert.Equal(0, await silo.StopAsync());
            SiloLog.AssertClean(silo.Log);
        }

        // The only silo of the cluster comes back on the same ports, as after a maintenance stop.
        await using var restarted = await SiloProcess.StartAsync(endpoints, database);

        Assert.Equal(broadcast.ToJsonString(), (await Api.GetAsync(restarted, key, $"/v1/broadcasts/{broadcastId}")).ToJsonString());
        Assert.Equal(wallet.ToJsonString(), (await Api.GetAsync(restarted, key, "/v1/wallet")).ToJsonString());
        Assert.Equal(recipients.ToJsonString(),
            (await Api.GetAsync(restarted, key, $"/v1/broadcasts/{broadcastId}/recipients")).ToJsonString());
        var listed = await Api.GetAsync(restarted, key, "/v1/broadcasts");
        Assert.Equal(broadcastId, Assert.Single(listed["items"]!.AsArray())!["id"]!.GetValue<string>());
        var keys = await Api.GetAsync(restarted, SiloProcess.AdminKey, $"/v1/admin/clients/{clientId}/api-keys");
        Assert.Single(keys["items"]!.AsArray());
        SiloLog.AssertClean(restarted.Log);
    }

    [Fact]
    public async Task Ready_answers_503_while_postgres_cannot_be_reached_and_200_again_after()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("ready");
        var name = new Npgsql.NpgsqlConnectionStringBuilder(database).Database!;
        await using var silo = await SiloProcess.StartAsync(SiloEndpoints.Fresh(), database);
        using var http = silo.Http();

        // The database refuses every new connection and drops the open ones: to the silo, PostgreSQL is gone.
        var admin = postgres.Server.ConnectionString();
        await Testing.Postgres.PostgresServer.ExecuteAsync(admin, $"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false");
        await Testing.Postgres.PostgresServer.ExecuteAsync(admin,
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        try
        {
            await Eventually.ReadAsync(() => ReadyStatusAsync(http), s => s == 503, "/health/ready to answer 503");
        }
        finally
        {
            await Testing.Postgres.PostgresServer.ExecuteAsync(admin, $"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true");
        }

        await Eventually.ReadAsync(() => ReadyStatusAsync(http), s => s == 200, "/health/ready to answer 200 again");
        Assert.Equal(200, await LiveStatusAsync(http));
    }

    static async Task<int> ReadyStatusAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return (int)response.StatusCode;
    }

    static async Task<int> LiveStatusAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        return (int)response.StatusCode;
    }
}
