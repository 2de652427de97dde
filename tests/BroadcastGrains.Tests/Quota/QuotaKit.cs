using System.Globalization;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Tests.Cluster;
using BroadcastGrains.Tests.Lifecycle;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Quota;

/// <summary>Clients with a daily quota, creates that must be refused by it, and the schedule reminder's tick.</summary>
internal static class QuotaKit
{
    public static async Task<string> ClientAsync(IGrainFactory grains, long dailyQuota, decimal credits = 100m)
    {
        var id = "client-" + Guid.NewGuid().ToString("N");
        await grains.GetGrain<IClientGrain>(id).CreateAsync(new ClientProfile { Id = id, Name = "Quota shop " + id, DailyQuota = dailyQuota });
        await TestClients.ApproveSenderAsync(grains, id);
        await grains.GetGrain<IWalletGrain>(id).TopUpAsync("opening-balance", credits);
        return id;
    }

    /// <summary><paramref name="count"/> New York numbers from <paramref name="first"/> on.</summary>
    public static RecipientInput Numbers(int count, int first = 0) =>
        RecipientInput.FromStrings([.. Enumerable.Range(first, count).Select(TestNumbers.Us)]);

    public static CreateBroadcastCommand Now(string clientId, RecipientInput recipients) =>
        LifecycleKit.Command(clientId, recipients, ScheduleSpec.Now);

    /// <summary>A send-now create that the quota must refuse: 429's code, and no broadcast stored or listed.</summary>
    public static async Task AssertOverQuotaAsync(IGrainFactory grains, string clientId, int count)
    {
        var id = BroadcastIds.New();
        var outcome = await grains.GetGrain<IBroadcastGrain>(id).CreateAsync(Now(clientId, Numbers(count, 5000)));
        LifecycleKit.AssertRefused(outcome, ErrorCodes.DailyQuotaExceeded, $"a create of {count}");
        Assert.Null(await grains.GetGrain<IBroadcastGrain>(id).GetAsync(clientId));
        Assert.DoesNotContain(id, await BroadcastKit.ListIdsAsync(grains, clientId));
    }

    /// <summary>What the durable schedule reminder does each minute once a run is due by the clock.</summary>
    public static Task TickAsync(IGrainFactory grains, string broadcastId) =>
        grains.GetGrain<IRemindable>(GrainId.Create("broadcast", broadcastId)).ReceiveReminder("schedule", default);

    /// <summary>
    /// Moves the clock to 10:00 UTC of the day after its own: a day each test has to itself, far from midnight. Only
    /// ever forward: the carrier's rate and the partitions' pacing measure time by it.
    /// </summary>
    public static void MorningOfTheNextDay(ShiftedClock clock) =>
        clock.AdvanceTo(new DateTimeOffset(DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(10), DateTimeKind.Utc)));

    public static string Describe(RunView run) =>
        string.Create(CultureInfo.InvariantCulture, $"run {run.Run} {run.Status.ToApiName()} ({run.FailureReason})");
}
