using System.Security.Cryptography;
using System.Text;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// Issue 13 item 3: the Idempotency-Key's reservation (with its broadcast id) is stored before anything happens, so a
/// retry after a first attempt that never finished creates that same broadcast once, never a second one.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class IdempotentCreateTests(ClusterFixture cluster)
{
    const decimal Opening = 100m;

    static readonly byte[] BodyHash = SHA256.HashData(Encoding.UTF8.GetBytes("the request body"));

    static RecipientInput UsRecipients(int count) => RecipientInput.FromStrings([.. Enumerable.Range(0, count).Select(TestNumbers.Us)]);

    [Fact]
    public async Task A_retry_after_a_first_attempt_that_never_reached_its_broadcast_creates_the_reserved_id_once()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, Opening);
        var key = cluster.Grains.GetGrain<IIdempotentCreateGrain>($"{clientId}/order-1");
        var command = BroadcastKit.Command(clientId, UsRecipients(300));

        string reserved;
        using (var lost = GrainCallFaults.Begin<IBroadcastGrain>(nameof(IBroadcastGrain.CreateAsync),
            c => c.Request.GetArgument(0) is CreateBroadcastCommand { } asked && asked.ClientId == clientId))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => key.CreateAsync(BodyHash, command));
            reserved = Assert.Single(lost.Targets);
        }
        var retried = await key.CreateAsync(BodyHash, command);
        var again = await key.CreateAsync(BodyHash, command);

        Assert.Equal(reserved, retried.Broadcast?.Id);
        Assert.Equal(reserved, again.Broadcast?.Id);
        Assert.Equal([reserved], await BroadcastKit.ListIdsAsync(cluster.Grains, clientId));
        var ledger = await LedgerReader.ReadAllAsync(cluster.Grains.GetGrain<IWalletGrain>(clientId));
        Assert.Single(ledger, e => e.Kind == LedgerKind.Hold);
    }

    [Fact]
    public async Task A_retry_after_a_first_attempt_that_failed_half_way_completes_the_same_broadcast_once()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, Opening);
        var key = cluster.Grains.GetGrain<IIdempotentCreateGrain>($"{clientId}/order-2");
        var command = BroadcastKit.Command(clientId, UsRecipients(300));

        using (GrainCallFaults.Begin<IClientBroadcastsGrain>(nameof(IClientBroadcastsGrain.UpsertAsync), clientId))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => key.CreateAsync(BodyHash, command));
        }
        Assert.Empty(await BroadcastKit.ListIdsAsync(cluster.Grains, clientId));
        var retried = (await key.CreateAsync(BodyHash, command)).Broadcast!;

        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(retried.Id);
        var wallet = cluster.Grains.GetGrain<IWalletGrain>(clientId);
        await broadcast.CompletesSettledAsync(clientId, wallet, Opening);
        Assert.Equal([retried.Id], await BroadcastKit.ListIdsAsync(cluster.Grains, clientId));
        // The first attempt's hold was undone; the retry's is the one the broadcast spends.
        var holds = (await LedgerReader.ReadAllAsync(wallet)).Where(e => e.Kind == LedgerKind.Hold).ToList();
        Assert.Equal(2, holds.Count);
        Assert.All(holds, h => Assert.Equal(retried.Id, h.BroadcastId));
    }

    [Fact]
    public async Task A_second_create_of_a_committed_id_with_another_body_is_refused_and_changes_nothing()
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, Opening);
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());
        var command = BroadcastKit.Command(clientId, UsRecipients(10)) with { RequestHash = BodyHash };
        var first = (await broadcast.CreateAsync(command)).Broadcast!;

        var same = await broadcast.CreateAsync(command);
        var other = await broadcast.CreateAsync(command with { RequestHash = SHA256.HashData([1, 2, 3]) });

        Assert.Equal(first.Id, same.Broadcast?.Id);
        Assert.Equal(ErrorCodes.InvalidState, other.Error?.Code);
        Assert.Single(await LedgerReader.ReadAllAsync(cluster.Grains.GetGrain<IWalletGrain>(clientId)), e => e.Kind == LedgerKind.Hold);
    }
}
