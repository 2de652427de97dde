using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Simulator;

namespace BroadcastGrains.Tests.Carrier;

public class SimulatorOutcomeMixTests
{
    static SimulatorOptions Mix(long seed) => new()
    {
        ReceiptDelayMs = 0, FailedPercent = 20, ExpiredPercent = 10, NoReceiptPercent = 5, Seed = seed,
    };

    /// <summary>Submits partitions × batches × 1000 messages from parallel tasks and waits for every receipt batch.</summary>
    static async Task<CollectingReceiptSink> RunAsync(SimulatorOptions options, int partitions, int batchesPerPartition)
    {
        var sink = new CollectingReceiptSink();
        await using var carrier = SimulatorTestKit.Carrier(options, sink);
        await Parallel.ForEachAsync(Enumerable.Range(0, partitions), async (p, _) =>
        {
            for (var b = 0; b < batchesPerPartition; b++)
            {
                await carrier.SubmitAsync(SimulatorTestKit.Batch($"b1/{p}", b * 1000, 1000));
            }
        });
        await SimulatorTestKit.EventuallyAsync(() => sink.Deliveries.Count == partitions * batchesPerPartition);
        return sink;
    }

    [Fact]
    public async Task Same_seed_gives_every_message_the_same_outcome()
    {
        var first = (await RunAsync(Mix(seed: 42), partitions: 4, batchesPerPartition: 3)).Outcomes();
        var second = (await RunAsync(Mix(seed: 42), partitions: 4, batchesPerPartition: 3)).Outcomes();

        Assert.Equal(first.OrderBy(o => o.Key), second.OrderBy(o => o.Key));
    }

    [Fact]
    public async Task Another_seed_gives_other_outcomes()
    {
        var first = (await RunAsync(Mix(seed: 42), partitions: 4, batchesPerPartition: 3)).Outcomes();
        var second = (await RunAsync(Mix(seed: 43), partitions: 4, batchesPerPartition: 3)).Outcomes();

        var same = first.Count(o => second.TryGetValue(o.Key, out var other) && other == o.Value);
        Assert.True(same < first.Count * 0.9, $"{same} of {first.Count} receipts agree across seeds");
    }

    [Fact]
    public async Task Outcome_shares_follow_the_configured_percentages_over_100k_messages()
    {
        const int total = 100_000;
        var outcomes = (await RunAsync(Mix(seed: 7), partitions: 10, batchesPerPartition: 10)).Outcomes();

        double Share(ReceiptOutcome outcome) => 100.0 * outcomes.Values.Count(o => o == outcome) / total;
        Assert.InRange(Share(ReceiptOutcome.Failed), 18.5, 21.5);
        Assert.InRange(Share(ReceiptOutcome.Expired), 8.5, 11.5);
        Assert.InRange(100.0 * (total - outcomes.Count) / total, 3.5, 6.5);
        Assert.InRange(Share(ReceiptOutcome.Delivered), 63.5, 66.5);
    }

    [Fact]
    public async Task No_receipt_messages_never_get_a_receipt()
    {
        var options = new SimulatorOptions { ReceiptDelayMs = 0, NoReceiptPercent = 50, Seed = 3 };
        var outcomes = (await RunAsync(options, partitions: 2, batchesPerPartition: 5)).Outcomes();

        // The draw is a pure function of (seed, partition, index), so the silent ones can be named in advance.
        var mix = new OutcomeMix(options);
        var expectedWithReceipt = Enumerable.Range(0, 2)
            .SelectMany(p => Enumerable.Range(0, 5000).Select(i => (PartitionKey: $"b1/{p}", Index: i)))
            .Where(m => mix.Draw(mix.BatchKey(m.PartitionKey), SimulatorTestKit.OrdinaryNumber(m.Index), m.Index)
                != SimulatedOutcome.NoReceipt)
            .ToHashSet();
        Assert.InRange(expectedWithReceipt.Count, 4500, 5500);
        Assert.True(expectedWithReceipt.SetEquals(outcomes.Keys));
    }
}
