using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BroadcastGrains.Postgres.Tests.Hosting;

namespace BroadcastGrains.Postgres.Tests.Scheduling;

/// <summary>A scheduled broadcast's trigger is a reminder stored in PostgreSQL, so it outlives the silo that set it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScheduledRestartTests(PostgresFixture postgres)
{
    static readonly TimeSpan MinimumLead = TimeSpan.FromSeconds(15);
    static readonly TimeSpan Precision = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_scheduled_broadcast_starts_on_time_although_its_silo_restarted_before_then()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("scheduled_restart");
        var endpoints = SiloEndpoints.Fresh();
        DateTimeOffset scheduledAt;
        string key, broadcastId;
        var starting = DateTimeOffset.UtcNow;
        await using (var silo = await SiloProcess.StartAsync(endpoints, database))
        {
            // The lead must cover a stop and a second start; on a loaded machine a start takes several times longer
            // than on an idle one, so the lead follows what this start took rather than a fixed guess.
            var startTook = DateTimeOffset.UtcNow - starting;
            scheduledAt = DateTimeOffset.UtcNow + MinimumLead + (3 * startTook);
            (_, key) = await Api.CreateClientAsync(silo, credits: 100);
            using var http = silo.Http(key);
            using var response = await http.PostAsJsonAsync(new Uri("/v1/broadcasts", UriKind.Relative), new
            {
                name = "Later",
                from = "MyShop",
                body = "Hi there",
                recipients = Api.Recipients,
                scheduleMode = "scheduled",
                scheduledAt,
            }, JsonSerializerOptions.Web);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var created = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("scheduled", created["status"]!.GetValue<string>());
            broadcastId = created["id"]!.GetValue<string>();
            Assert.Equal(0, await silo.StopAsync());
        }

        // The only silo comes back before the time: nothing in memory remembers the schedule, only the stored reminder.
        await using var restarted = await SiloProcess.StartAsync(endpoints, database);
        Assert.True(DateTimeOffset.UtcNow < scheduledAt, "the restart took longer than the lead; the test proves nothing");
        var done = await Api.WaitCompletedAsync(restarted, key, broadcastId);

        var startedAt = done["startedAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(startedAt - scheduledAt, TimeSpan.FromSeconds(-1), Precision);
        Assert.Equal(3, done["recipientCount"]!.GetValue<int>());
        Assert.Equal(2, done["drSummary"]!["delivered"]!.GetValue<int>());
    }
}
