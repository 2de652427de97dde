using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Simulator;

namespace BroadcastGrains.Tests.Carrier;

public class SimulatorSubmissionTrackingTests
{
    [Fact]
    public async Task Resubmitted_messages_are_counted_as_duplicates_when_tracking()
    {
        var sink = new CollectingReceiptSink();
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions { TrackSubmissions = true }, sink);

        await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 0, 100));
        await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 50, 100));

        Assert.Equal(50, carrier.DuplicateSubmissions);
        Assert.Equal(200, carrier.Submitted);
    }

    [Fact]
    public async Task The_same_index_in_another_partition_is_not_a_duplicate()
    {
        var sink = new CollectingReceiptSink();
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions { TrackSubmissions = true }, sink);

        await Parallel.ForEachAsync(Enumerable.Range(0, 8), async (p, _) =>
            await carrier.SubmitAsync(SimulatorTestKit.Batch($"p{p}", 0, 500)));

        Assert.Equal(0, carrier.DuplicateSubmissions);
        Assert.Equal(4000, carrier.Submitted);
    }

    [Fact]
    public async Task Blocked_messages_submitted_again_are_duplicates_too()
    {
        var sink = new CollectingReceiptSink();
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions { TrackSubmissions = true }, sink);

        var first = await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 14_155_550_002));
        await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 14_155_550_002));

        Assert.Equal(SubmitStatus.Rejected, first[0].Status);
        Assert.Equal(1, carrier.DuplicateSubmissions);
    }

    [Fact]
    public async Task Duplicates_are_not_counted_without_tracking()
    {
        var sink = new CollectingReceiptSink();
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions(), sink);

        await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 0, 10));
        await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 0, 10));

        Assert.Equal(0, carrier.DuplicateSubmissions);
        Assert.Equal(20, carrier.Submitted);
    }
}
