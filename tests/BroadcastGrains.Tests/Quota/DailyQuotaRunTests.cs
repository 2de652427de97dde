using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Tests.Cluster;
using BroadcastGrains.Tests.Lifecycle;

namespace BroadcastGrains.Tests.Quota;

/// <summary>
/// API.md's <c>dailyQuota</c>: every run counts the recipients it hands to carriers on the UTC day it starts; a run that
/// would pass the quota fails with DAILY_QUOTA_EXCEEDED (a create answers it and stores nothing); a cancel gives back
/// what was not sent. The clock is set, so runs fall on chosen days.
/// </summary>
[Collection(QuotaClusterCollection.Name)]
public sealed class DailyQuotaRunTests(QuotaClusterFixture cluster) : IAsyncLifetime
{
    const int PerRun = 20;
    const long Quota = 30;
    static readonly TimeSpan FirstRunIn = TimeSpan.FromSeconds(2);

    readonly List<(IBroadcastGrain, string)> _opened = [];

    IGrainFactory Grains => cluster.Grains;

    [Fact]
    public async Task A_recurring_runs_second_run_on_the_same_UTC_day_that_would_pass_the_quota_fails_while_the_first_counted()
    {
        QuotaKit.MorningOfTheNextDay(cluster.Clock);
        var clientId = await QuotaKit.ClientAsync(Grains, Quota);
        var (broadcast, created) = await CreateRecurringAsync(clientId, "FREQ=HOURLY;COUNT=2");

        await WaitForRunsAsync(broadcast, clientId, 1);
        await QuotaKit.AssertOverQuotaAsync(Grains, clientId, (int)(Quota - PerRun) + 1);
        cluster.Clock.Advance(TimeSpan.FromHours(1));
        await QuotaKit.TickAsync(Grains, created.Id);

        var runs = await WaitForRunsAsync(broadcast, clientId, 2);
        Assert.Equal(BroadcastStatus.Completed, runs[0].Status);
        Assert.Equal(PerRun, runs[0].DrSummary.Delivered);
        Assert.True(runs[1].Status == BroadcastStatus.Failed, QuotaKit.Describe(runs[1]));
        Assert.StartsWith(ErrorCodes.DailyQuotaExceeded, runs[1].FailureReason, StringComparison.Ordinal);
        Assert.Equal((0m, 0m), (runs[1].HeldCredits, runs[1].SpentCredits));
        // Run 1 counted and run 2 took nothing: exactly the rest of the day's quota still fits.
        await QuotaKit.AssertOverQuotaAsync(Grains, clientId, (int)(Quota - PerRun) + 1);
        await CreateNowAsync(clientId, QuotaKit.Numbers((int)(Quota - PerRun), 100));
    }

    [Fact]
    public async Task A_run_on_the_next_UTC_day_counts_on_that_day()
    {
        QuotaKit.MorningOfTheNextDay(cluster.Clock);
        var clientId = await QuotaKit.ClientAsync(Grains, Quota);
        var (broadcast, created) = await CreateRecurringAsync(clientId, "FREQ=DAILY;COUNT=2");
        await WaitForRunsAsync(broadcast, clientId, 1);
        await QuotaKit.AssertOverQuotaAsync(Grains, clientId, PerRun);

        cluster.Clock.Advance(TimeSpan.FromDays(1));
        await QuotaKit.TickAsync(Grains, created.Id);

        var runs = await WaitForRunsAsync(broadcast, clientId, 2);
        Assert.True(runs[1].Status == BroadcastStatus.Completed, QuotaKit.Describe(runs[1]));
        Assert.Equal(PerRun, runs[1].DrSummary.Delivered);
        // The new day holds run 2's recipients and nothing of the day before.
        await QuotaKit.AssertOverQuotaAsync(Grains, clientId, (int)(Quota - PerRun) + 1);
        await CreateNowAsync(clientId, QuotaKit.Numbers((int)(Quota - PerRun), 100));
    }

    [Fact]
    public async Task Invalid_and_opted_out_recipients_do_not_count()
    {
        QuotaKit.MorningOfTheNextDay(cluster.Clock);
        var clientId = await QuotaKit.ClientAsync(Grains, dailyQuota: 5);
        string[] optedOut = [TestNumbers.Us(900), TestNumbers.Us(901)];
        foreach (var number in optedOut)
        {
            Assert.True(await Grains.GetGrain<IOptOutGrain>(clientId).AddAsync(long.Parse(number[1..], System.Globalization.CultureInfo.InvariantCulture), OptOutSource.Api));
        }
        var recipients = RecipientInput.FromStrings([.. Enumerable.Range(0, 5).Select(TestNumbers.Us), .. optedOut, "not a number", "+1"]);

        var view = await CreateNowAsync(clientId, recipients);

        Assert.Equal((9L, 2L), (view.RecipientCount, view.InvalidCount));
        var done = await _opened[^1].Item1.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        Assert.Equal((5L, 2L, 2L), (done.DrSummary.Delivered, done.DrSummary.OptedOut, done.DrSummary.Invalid));
        await QuotaKit.AssertOverQuotaAsync(Grains, clientId, 1);
    }

    [Fact]
    public async Task Cancelling_mid_send_gives_back_the_unsent_part_so_a_create_that_fits_only_thanks_to_it_succeeds()
    {
        const int Count = 20_000;
        const int Spare = 100;
        const int Next = 1000;
        QuotaKit.MorningOfTheNextDay(cluster.Clock);
        var clientId = await QuotaKit.ClientAsync(Grains, Count + Spare, credits: 1000m);
        var broadcast = Grains.GetGrain<IBroadcastGrain>((await CreateNowAsync(clientId, QuotaKit.Numbers(Count))).Id);
        await QuotaKit.AssertOverQuotaAsync(Grains, clientId, Next);
        await broadcast.WaitUntilAsync(clientId, v => v.DrSummary.Accepted() >= 200, "some messages sent");

        var cancelled = (await broadcast.CancelAsync(clientId)).Broadcast!;

        var unsent = cancelled.DrSummary.Cancelled;
        Assert.True(unsent >= Next, $"only {unsent} were unsent at the cancel: the test needs {Next}");
        await CreateNowAsync(clientId, QuotaKit.Numbers(Next, Count));
        // What was sent stays counted: the day has exactly Spare + unsent - Next left.
        await QuotaKit.AssertOverQuotaAsync(Grains, clientId, (int)(Spare + unsent - Next) + 1);
    }

    async Task<(IBroadcastGrain, BroadcastView)> CreateRecurringAsync(string clientId, string rule)
    {
        var start = cluster.Clock.GetUtcNow() + FirstRunIn;
        start = new DateTimeOffset(start.UtcTicks - (start.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
        var created = await LifecycleKit.CreateAsync(Grains,
            LifecycleKit.Command(clientId, QuotaKit.Numbers(PerRun), Schedules.Recurring(rule, start)));
        _opened.Add((created.Grain, clientId));
        return created;
    }

    async Task<BroadcastView> CreateNowAsync(string clientId, RecipientInput recipients)
    {
        var (broadcast, view) = await LifecycleKit.CreateAsync(Grains, QuotaKit.Now(clientId, recipients));
        _opened.Add((broadcast, clientId));
        return view;
    }

    /// <summary>The runs once <paramref name="count"/> of them exist and none is still sending.</summary>
    static async Task<IReadOnlyList<RunView>> WaitForRunsAsync(IBroadcastGrain broadcast, string clientId, int count) =>
        await Eventually.ReadAsync(async () => (await broadcast.GetRunsAsync(clientId))!,
            runs => runs.Count == count && runs.All(r => r.Status is not (BroadcastStatus.Sending or BroadcastStatus.Paused)),
            BroadcastKit.CompletionDeadline, $"{count} settled runs");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (broadcast, clientId) in _opened)
        {
            await broadcast.CancelAsync(clientId);
        }
    }
}
