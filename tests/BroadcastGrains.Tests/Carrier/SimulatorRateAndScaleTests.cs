using System.Diagnostics;
using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Simulator;
using Xunit.Abstractions;

namespace BroadcastGrains.Tests.Carrier;

public class SimulatorRateAndScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Rate_cap_holds_across_concurrent_submitters()
    {
        var sink = new CollectingReceiptSink();
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions { MessagesPerSecond = 1000 }, sink);

        // 2,000 messages at 1,000/s need about two seconds; only the lower bound is asserted, a slow machine may take longer.
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, 4), async (p, _) =>
        {
            for (var b = 0; b < 5; b++)
            {
                var results = await carrier.SubmitAsync(SimulatorTestKit.Batch($"p{p}", b * 100, 100));
                Assert.All(results, r => Assert.Equal(SubmitStatus.Accepted, r.Status));
            }
        });

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"2000 messages took {clock.Elapsed}");
        Assert.Equal(2000, carrier.Submitted);
    }

    [Fact]
    public async Task Cancelled_submit_keeps_what_was_accepted_and_defers_the_rest()
    {
        var sink = new CollectingReceiptSink();
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions { MessagesPerSecond = 100 }, sink);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var results = await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 0, 1000), cancel.Token);

        var accepted = results.Count(r => r.Status == SubmitStatus.Accepted);
        Assert.InRange(accepted, 1, 999);
        Assert.All(results.Skip(accepted), r => Assert.Equal(SubmitStatus.RetryLater, r.Status));
        Assert.Equal(accepted, carrier.Submitted);
    }

    [Fact]
    public async Task Cancelled_submit_before_anything_was_taken_throws()
    {
        var sink = new CollectingReceiptSink();
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions { MessagesPerSecond = 100 }, sink);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 0, 10), cancel.Token));
        Assert.Equal(0, carrier.Submitted);
    }

    [Fact]
    public async Task Two_million_messages_all_get_their_receipts()
    {
        const int partitions = 8;
        const int batchesPerPartition = 250;
        const int batchSize = 1000;
        var sink = new CountingReceiptSink();
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions { ReceiptDelayMs = 0, FailedPercent = 10 }, sink);

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, partitions), async (p, _) =>
        {
            var results = new SubmitResult[batchSize]; // reused, as a partition grain would
            for (var b = 0; b < batchesPerPartition; b++)
            {
                await carrier.SubmitAsync(SimulatorTestKit.Batch($"big/{p}/{b}", 0, batchSize), results, default);
            }
        });
        await SimulatorTestKit.EventuallyAsync(
            () => carrier.ReceiptsSent == 2_000_000, TimeSpan.FromSeconds(60));

        Assert.Equal(2_000_000, carrier.Submitted);
        output.WriteLine($"2,000,000 messages with receipts in {clock.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(2_000_000, sink.Receipts);
        Assert.InRange(sink.Failed, 190_000, 210_000);
    }
}
