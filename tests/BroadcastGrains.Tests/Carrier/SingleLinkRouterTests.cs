using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Simulator;

namespace BroadcastGrains.Tests.Carrier;

/// <summary>Today's routing: the one link takes every recipient of a batch, and its answers are the partition's.</summary>
public sealed class SingleLinkRouterTests
{
    [Fact]
    public async Task The_one_link_takes_the_whole_batch_and_answers_for_every_message()
    {
        var sink = new CollectingReceiptSink();
        await using var simulator = SimulatorTestKit.Carrier(new SimulatorOptions { DeliveredPercent = 100, FailedPercent = 0 }, sink);
        IRecipientRouter router = new SingleLinkRouter(simulator);
        var batch = SimulatorTestKit.Batch("bc_1/1/0", 0, 3, i => i == 1 ? 447_700_000_002L : SimulatorTestKit.OrdinaryNumber(i));
        var results = new SubmitResult[batch.Count];

        await router.SubmitAsync(batch, results, CancellationToken.None);

        Assert.Equal([SubmitStatus.Accepted, SubmitStatus.Rejected, SubmitStatus.Accepted], results.Select(r => r.Status));
    }
}
