using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Postgres.Tests.Hosting;
using BroadcastGrains.Wallet;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Postgres.Tests.Scheduling;

/// <summary>
/// Issue 13 item 1 in PostgreSQL mode: a series whose runs are months apart (beyond Orleans' ~49.7-day limit on
/// reminders) outlives silo restarts. The silo is hosted in-process so the broadcasts' clock can be moved months ahead
/// between restarts; Orleans keeps real time, so the reminders stored in PostgreSQL hold real due times.
/// </summary>
[Collection(ClockBoundCollection.Name)]
public sealed class MonthsAheadRestartTests(PostgresFixture postgres)
{
    const string ScheduleReminder = "schedule";
    const string Sender = "MyShop";
    static readonly TimeSpan Cap = TimeSpan.FromDays(30);
    static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(10);

    /// <summary>More than a silo start plus the sweep's once-a-minute wake: the run is due only after both.</summary>
    static readonly TimeSpan Lead = TimeSpan.FromSeconds(90);
    static readonly TimeSpan StartsWithin = TimeSpan.FromSeconds(5);
    static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_series_five_months_apart_survives_restarts_is_re_armed_past_the_cap_and_runs_each_time_on_time()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("months_ahead_restart");
        var clock = new ShiftedClock();
        var now = clock.GetUtcNow();
        var first = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddDays(200);
        var second = first.AddMonths(5);
        var clientId = "client-" + Guid.NewGuid().ToString("N");
        var broadcastId = BroadcastIds.New();

        await using (var silo = await InProcessSilo.StartAsync(database, clock))
        {
            var grains = silo.Services.GetRequiredService<IGrainFactory>();
            await CreateClientAsync(grains, clientId);
            var created = await grains.GetGrain<IBroadcastGrain>(broadcastId).CreateAsync(Command(clientId, first));
            Assert.True(created.Error is null, $"create refused: {created.Error}");
            Assert.Equal((BroadcastStatus.Scheduled, first), (created.Broadcast!.Status, created.Broadcast.NextRunAt));
            Assert.Equal([first, second], created.Broadcast.UpcomingRuns);
            AssertArmedFor(Cap, await ArmedForAsync(silo, broadcastId));
        }

        // Back with nothing in memory, 90 s before the first run: no one calls the broadcast, the stored sweep wakes it.
        clock.AdvanceTo(first - Lead);
        await using (var silo = await InProcessSilo.StartAsync(database, clock))
        {
            var broadcast = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IBroadcastGrain>(broadcastId);
            Assert.Equal(0, (await broadcast.GetAsync(clientId))!.Runs);
            var run = await WaitForRunAsync(broadcast, clientId, 1);
            AssertOnTime(first, run.StartedAt);
            var between = (await broadcast.GetAsync(clientId))!;
            Assert.Equal((BroadcastStatus.Scheduled, second), (between.Status, between.NextRunAt));
            // The next run is five months away: armed at the cap, not refused.
            AssertArmedFor(Cap, await ArmedForAsync(silo, broadcastId));
        }

        // Back 60 days before the second run, when the capped reminder comes due: it arms the cap again, then the rest.
        clock.AdvanceTo(second - TimeSpan.FromDays(60));
        await using (var silo = await InProcessSilo.StartAsync(database, clock))
        {
            var broadcast = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IBroadcastGrain>(broadcastId);
            await TickAsync(broadcast);
            AssertArmedFor(Cap, await ArmedForAsync(silo, broadcastId));
            clock.AdvanceTo(second - TimeSpan.FromSeconds(3));
            await TickAsync(broadcast);
            AssertArmedFor(TimeSpan.FromSeconds(3), await ArmedForAsync(silo, broadcastId));
            Assert.Equal(1, (await broadcast.GetAsync(clientId))!.Runs);

            var run = await WaitForRunAsync(broadcast, clientId, 2);
            AssertOnTime(second, run.StartedAt);
            var done = await Eventually.ReadAsync(async () => (await broadcast.GetAsync(clientId))!,
                b => b.Status == BroadcastStatus.Completed, RunDeadline, "the series to complete");
            Assert.Equal((2, (DateTimeOffset?)null), (done.Runs, done.NextRunAt));
        }
    }

    static CreateBroadcastCommand Command(string clientId, DateTimeOffset first) =>
        new(clientId, "Every five months", Sender, "Hi there", null, null, RecipientInput.FromStrings(Api.Recipients), null, null,
            DuplicatePolicy.Skip,
            ScheduleSpec.Now with { Mode = ScheduleMode.Recurring, RecurrenceRule = "FREQ=MONTHLY;INTERVAL=5;COUNT=2", ScheduledAt = first },
            CreateBroadcastCommand.DefaultValidityMinutes, DryRun: false);

    static async Task CreateClientAsync(IGrainFactory grains, string clientId)
    {
        await grains.GetGrain<IClientGrain>(clientId).CreateAsync(new ClientProfile { Id = clientId, Name = "Acme " + clientId });
        // A name is approved for one client at a time, and the database outlives this test: the name is shared.
        Assert.NotNull((await grains.GetGrain<ISharedSendersGrain>(ISharedSendersGrain.Key).ShareAsync(Sender, null)).Sender);
        await grains.GetGrain<IWalletGrain>(clientId).TopUpAsync("opening-balance", 100m);
    }

    /// <summary>What Orleans does when the reminder's stored time comes.</summary>
    static Task TickAsync(IBroadcastGrain broadcast) =>
        broadcast.AsReference<IRemindable>().ReceiveReminder(ScheduleReminder,
            new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));

    static async Task<TimeSpan> ArmedForAsync(InProcessSilo silo, string broadcastId)
    {
        var grain = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IBroadcastGrain>(broadcastId).GetGrainId();
        var row = await silo.Services.GetRequiredService<IReminderTable>().ReadRow(grain, ScheduleReminder);
        Assert.True(row is not null, "no schedule reminder is stored");
        return DateTime.SpecifyKind(row.StartAt, DateTimeKind.Utc) - DateTime.UtcNow;
    }

    static void AssertArmedFor(TimeSpan expected, TimeSpan armed) =>
        Assert.True((armed - expected).Duration() < Tolerance, $"the stored reminder is due in {armed}, not {expected}");

    static async Task<RunView> WaitForRunAsync(IBroadcastGrain broadcast, string clientId, int run)
    {
        var runs = await Eventually.ReadAsync(async () => (await broadcast.GetRunsAsync(clientId))!,
            r => r.Count >= run && r[run - 1].Status == BroadcastStatus.Completed, RunDeadline, $"run {run} to complete");
        return runs[run - 1];
    }

    static void AssertOnTime(DateTimeOffset scheduledFor, DateTimeOffset? startedAt)
    {
        Assert.NotNull(startedAt);
        Assert.InRange(startedAt.Value - scheduledFor, TimeSpan.FromMilliseconds(-250), StartsWithin);
    }
}
