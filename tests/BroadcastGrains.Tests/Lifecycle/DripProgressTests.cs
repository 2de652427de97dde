using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// A slow drip waits a long time between sends, but what happens meanwhile (receipts) is still the broadcast's news:
/// API.md's event stream promises a snapshot at least every second while sending, which is worthless if the counts
/// behind it stand still until the next send.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DripProgressTests(ClusterFixture cluster) : IAsyncLifetime
{
    /// <summary>Partitions report about four times a second; a receipt 50 ms after the send shows well within this.</summary>
    static readonly TimeSpan ShowsWithin = TimeSpan.FromSeconds(5);

    IBroadcastGrain? _broadcast;
    string? _clientId;

    [Fact]
    public async Task A_receipt_shows_in_a_slow_drips_counts_within_seconds_not_only_at_its_next_send()
    {
        _clientId = await TestClients.CreateAsync(cluster.Grains, 10m);
        (_broadcast, _) = await LifecycleKit.CreateAsync(cluster.Grains, LifecycleKit.Command(_clientId, 3, Schedules.Drip(1)));

        var shown = await _broadcast.WaitUntilAsync(_clientId, v => v.DrSummary.Delivered == 1,
            "the first message's receipt in drSummary", ShowsWithin);

        Assert.Equal((1L, 2L, BroadcastStatus.Sending), (shown.DrSummary.Accepted(), shown.DrSummary.Pending, shown.Status));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_broadcast is not null)
        {
            await _broadcast.CancelAsync(_clientId!);
        }
    }
}
