using System.Globalization;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Inbound;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// A reply finds the broadcast it answers even when the broadcast's reply index was first built while it was still
/// sending (a STOP mid-send builds it): a miss on an unfinished index rebuilds it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ReplyAttributionTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_reply_from_a_number_sent_after_the_index_was_built_mid_send_finds_its_broadcast()
    {
        // A drip of 600 a minute sends the 40th number about 4 s after the first.
        const int Count = 40;
        var clientId = await TestClients.CreateAsync(cluster.Grains, 500m);
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        var id = broadcast.GetPrimaryKeyString();
        var command = BroadcastKit.Command(clientId, RecipientInput.FromStrings([.. Enumerable.Range(0, Count).Select(TestNumbers.Us)]))
            with { Schedule = new ScheduleSpec(ScheduleMode.Drip, null, null, "UTC", 600, null) };
        await broadcast.CreateAsync(command);
        var recent = cluster.Grains.GetGrain<IRecentBroadcastsGrain>(clientId);
        var senderKey = SenderNameKeys.Of(BroadcastKit.Sender);

        // The lookup that finds the first number builds the index while the last is still to be sent.
        await Eventually.ReadAsync(() => recent.FindAsync(Phone(0), senderKey), found => found == id, "the first number's broadcast");
        Assert.Null(await recent.FindAsync(Phone(Count - 1), senderKey));
        await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed);

        Assert.Equal(id, await recent.FindAsync(Phone(Count - 1), senderKey));
        Assert.Null(await recent.FindAsync(Phone(Count), senderKey));
    }

    static long Phone(int i) => long.Parse(TestNumbers.Us(i).TrimStart('+'), CultureInfo.InvariantCulture);
}
