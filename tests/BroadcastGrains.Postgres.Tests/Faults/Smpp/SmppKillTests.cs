using System.Diagnostics;
using System.Text.Json.Nodes;
using BroadcastGrains.Postgres.Tests.Hosting;
using BroadcastGrains.Smpp.Tests.Smsc;
using Xunit.Abstractions;

namespace BroadcastGrains.Postgres.Tests.Faults.Smpp;

/// <summary>
/// Issue 17 item 4: a silo SIGKILLed mid-send while the SMSC stays up. The receipts the SMSC owed the dead silo's
/// binds come again on the survivor's (the SMSC resends an unanswered deliver_sm), including those of messages whose
/// registration died with the silo: the resumed partitions register what they sent again, and a receipt not matched
/// yet is refused for now (ESME_RX_T_APPN), so the SMSC sends it again instead of the cluster dropping it. So the
/// broadcast completes within 20 s of the kill rather than at the receipt window (a minute here).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SmppKillTests(PostgresFixture postgres, ITestOutputHelper output)
{
    const int RecipientCount = 20_000;
    const decimal Credits = 1_000m;
    static readonly TimeSpan KillToCompleteBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_silo_killed_mid_send_through_an_smsc_still_up_completes_within_20_s_with_every_receipt_matched()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("smppkill");
        await using var smsc = await SmscProcess.StartAsync();
        await using var survivor = await SmppCluster.StartSiloAsync(SiloEndpoints.Fresh(), database, smsc);
        await using var victim = await SmppCluster.StartSiloAsync(SiloEndpoints.Fresh(), database, smsc);
        var (_, key) = await Api.CreateClientAsync(survivor, Credits);

        // Created through the silo then killed, so that it hosts the broadcast grain and partitions of its own.
        var broadcastId = await BroadcastChecks.CreateAsync(victim, key, RecipientCount);
        var beforeKill = await Eventually.ReadAsync(() => Api.GetAsync(survivor, key, $"/v1/broadcasts/{broadcastId}"),
            b => BroadcastChecks.Processed(b) >= RecipientCount / 4, "a quarter of the recipients to be sent");
        victim.KillHard();
        var sinceKill = Stopwatch.StartNew();
        output.WriteLine($"killed the second silo at {BroadcastChecks.Processed(beforeKill)} of {RecipientCount} processed");

        JsonNode? last = null;
        try
        {
            await Eventually.ReadAsync(async () => last = await Api.TryGetAsync(survivor, key, $"/v1/broadcasts/{broadcastId}") ?? last,
                BroadcastChecks.IsCompleted, TimeSpan.FromSeconds(90), "the broadcast to complete without the killed silo");
        }
        finally
        {
            output.WriteLine($"after {sinceKill.Elapsed.TotalSeconds:F1} s: {last?["status"]} {last?["drSummary"]?.ToJsonString()}");
        }
        var killToComplete = sinceKill.Elapsed;
        output.WriteLine($"completed {killToComplete.TotalSeconds:F1} s after the kill");

        var done = last!;
        await BroadcastChecks.AssertEveryRecipientFinalOnceAsync(survivor, key, done, RecipientCount);
        await BroadcastChecks.AssertMoneyAsync(survivor, key, done, Credits);
        // Matched, not timed out: every receipt of the dead silo's messages found its recipient.
        Assert.Equal(0, done["drSummary"]!["timeout"]!.GetValue<long>());

        var stats = await smsc.Control.StatsAsync(SmppCluster.SystemId);
        output.WriteLine($"SMSC: {stats}");
        Assert.Equal(0, stats.Duplicates);
        Assert.Equal(RecipientCount - SmppCluster.RefusedBySmsc(RecipientCount), stats.Accepted);
        Assert.True(killToComplete <= KillToCompleteBound,
            $"completed {killToComplete.TotalSeconds:F1} s after the kill\n--- survivor ---\n{survivor.Log[^Math.Min(20_000, survivor.Log.Length)..]}");
    }
}
