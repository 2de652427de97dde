using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Simulator;

namespace BroadcastGrains.Tests.Carrier;

public class SimulatorFixedNumbersTests
{
    const long EndsIn0001 = 14_155_550_001;
    const long EndsIn0002 = 14_155_550_002;
    const long EndsIn0003 = 14_155_550_003;
    const long Ordinary = 14_155_550_100;

    [Fact]
    public async Task Number_ending_0002_is_rejected_as_blocked_at_submit()
    {
        var sink = new CollectingReceiptSink();
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions { ReceiptDelayMs = 0 }, sink);

        var results = await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", EndsIn0002));

        Assert.Equal(new SubmitResult(SubmitStatus.Rejected, null, "blocked"), results[0]);
    }

    [Fact]
    public async Task Numbers_ending_0001_and_0003_are_accepted_then_fail_and_expire()
    {
        var sink = new CollectingReceiptSink();
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions { ReceiptDelayMs = 0 }, sink);

        var results = await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", EndsIn0001, EndsIn0003, Ordinary));
        await SimulatorTestKit.EventuallyAsync(() => sink.Deliveries.Count == 1);

        Assert.All(results, r => Assert.Equal(SubmitStatus.Accepted, r.Status));
        Assert.All(results, r => Assert.Null(r.CarrierMessageId));
        var outcomes = sink.Outcomes();
        Assert.Equal(ReceiptOutcome.Failed, outcomes[("p1", 0)]);
        Assert.Equal(ReceiptOutcome.Expired, outcomes[("p1", 1)]);
        Assert.Equal(ReceiptOutcome.Delivered, outcomes[("p1", 2)]);
        Assert.Equal(new string?[] { "undeliverable", "expired", null }, sink.Deliveries.Single().Receipts.Errors);
    }

    [Fact]
    public async Task Fixed_numbers_keep_their_outcome_whatever_the_mix()
    {
        var sink = new CollectingReceiptSink();
        var everythingSilent = new SimulatorOptions { ReceiptDelayMs = 0, NoReceiptPercent = 100 };
        await using var carrier = SimulatorTestKit.Carrier(everythingSilent, sink);

        var results = await carrier.SubmitAsync(
            SimulatorTestKit.Batch("p1", EndsIn0001, EndsIn0002, EndsIn0003, Ordinary));
        await SimulatorTestKit.EventuallyAsync(() => sink.Deliveries.Count == 1);

        Assert.Equal(
            [SubmitStatus.Accepted, SubmitStatus.Rejected, SubmitStatus.Accepted, SubmitStatus.Accepted],
            results.Select(r => r.Status));
        var outcomes = sink.Outcomes();
        Assert.Equal(2, outcomes.Count);
        Assert.Equal(ReceiptOutcome.Failed, outcomes[("p1", 0)]);
        Assert.Equal(ReceiptOutcome.Expired, outcomes[("p1", 2)]);
    }

    [Fact]
    public async Task Accepted_messages_keep_the_default_id_that_names_the_partition_and_recipient()
    {
        var sink = new CollectingReceiptSink();
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions(), sink);

        var results = await carrier.SubmitAsync(SimulatorTestKit.Batch("broadcast-7/3", firstIndex: 40, count: 2));

        // No id of its own: the message is known by CarrierMessageIds.Format(partitionKey, index).
        Assert.Null(results[1].CarrierMessageId);
        Assert.True(CarrierMessageIds.TryParse(CarrierMessageIds.Format("broadcast-7/3", 41), out var partitionKey, out var index));
        Assert.Equal(("broadcast-7/3", 41), (partitionKey, index));
        Assert.Equal("simulator", carrier.Name);
        Assert.Equal(2, carrier.Submitted);
    }
}
