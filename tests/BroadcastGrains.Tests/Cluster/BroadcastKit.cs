using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>Builds create commands and reads broadcasts back the way a frontend would.</summary>
internal static class BroadcastKit
{
    public const string Sender = "MyShop";
    public const string PlainBody = "Sale ends Sunday";
    public static readonly TimeSpan CompletionDeadline = TimeSpan.FromSeconds(60);

    public static CreateBroadcastCommand Command(string clientId, RecipientInput recipients, string body = PlainBody,
        DuplicatePolicy onDuplicate = DuplicatePolicy.Skip, string? defaultRegion = null, bool dryRun = false) =>
        new(clientId, "Weekend sale", Sender, body, null, null, recipients, null, defaultRegion, onDuplicate,
            ScheduleSpec.Now, CreateBroadcastCommand.DefaultValidityMinutes, dryRun);

    public static Task<BroadcastView> WaitForStatusAsync(this IBroadcastGrain broadcast, string clientId,
        BroadcastStatus status, TimeSpan? deadline = null) =>
        broadcast.WaitUntilAsync(clientId, view => view.Status == status, $"status {status.ToApiName()}", deadline);

    /// <summary>Waits for completion; the wallet then holds nothing and was charged exactly what the broadcast spent.</summary>
    public static async Task<(BroadcastView Done, WalletView Wallet)> CompletesSettledAsync(this IBroadcastGrain broadcast,
        string clientId, IWalletGrain wallet, decimal opening)
    {
        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);
        var view = await wallet.GetAsync();
        Assert.Equal((opening - done.SpentCredits + done.RefundedCredits, 0m), (view.Balance, view.Held));
        Assert.True(done.SpentCredits > 0);
        return (done, view);
    }

    public static async Task<BroadcastView> WaitUntilAsync(this IBroadcastGrain broadcast, string clientId,
        Func<BroadcastView, bool> done, string waitingFor, TimeSpan? deadline = null) =>
        (await Eventually.ReadAsync(() => broadcast.GetAsync(clientId), view => view is not null && done(view),
            deadline ?? CompletionDeadline, waitingFor))!;

    /// <summary>Every recipient (of one status, when given), following cursors to the end.</summary>
    public static async Task<List<RecipientView>> ReadRecipientsAsync(this IBroadcastGrain broadcast, string clientId,
        RecipientStatus? status = null, int limit = 1000)
    {
        var all = new List<RecipientView>();
        string? cursor = null;
        do
        {
            var page = await broadcast.GetRecipientsAsync(clientId, status, cursor, limit);
            Assert.NotNull(page);
            Assert.True(page.Items.Count <= limit, $"a page of {page.Items.Count} recipients was asked for {limit}");
            Assert.True(page.NextCursor is null || page.NextCursor != cursor, "the cursor did not move");
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>The broadcast reads exactly as before (its lists compared item by item).</summary>
    public static void AssertUnchanged(BroadcastView expected, BroadcastView? actual) => Assert.Equivalent(expected, actual, strict: true);

    public static async Task<IReadOnlyList<string>> ListIdsAsync(IGrainFactory grains, string clientId) =>
        (await grains.GetGrain<IClientBroadcastsGrain>(clientId).ListAsync(null, null, 1000)).Ids;

    /// <summary>Recipients the carrier accepted, whatever their receipt said since.</summary>
    public static long Accepted(this DrSummary summary) =>
        summary.Sent + summary.Delivered + summary.Failed + summary.Expired + summary.Timeout;
}
