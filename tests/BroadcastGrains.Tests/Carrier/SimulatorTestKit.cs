using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Simulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastGrains.Tests.Carrier;

/// <summary>Builds simulator carriers and batches the way a partition grain would, and waits for outcomes.</summary>
internal static class SimulatorTestKit
{
    /// <summary>Numbers ending in 5 never hit the fixed-outcome suffixes, so they follow the mix.</summary>
    public static long OrdinaryNumber(int index) => 447_700_000_005L + (index * 10L);

    public static SimulatorCarrier Carrier(SimulatorOptions options, IReceiptSink sink, TimeProvider? time = null) =>
        new(Options.Create(options), sink, time ?? TimeProvider.System, NullLogger<SimulatorCarrier>.Instance);

    public static SubmitBatch Batch(string partitionKey, int firstIndex, int count, Func<int, long>? numberOf = null)
    {
        var indexes = Enumerable.Range(firstIndex, count).ToArray();
        var numbers = indexes.Select(numberOf ?? OrdinaryNumber).ToArray();
        var body = "Sale ends Sunday";
        return new SubmitBatch(partitionKey, "MyShop", indexes, numbers, Enumerable.Repeat(body, count).ToArray(),
            Enumerable.Repeat((byte)1, count).ToArray(), null, count);
    }

    public static SubmitBatch Batch(string partitionKey, params long[] numbers) =>
        Batch(partitionKey, 0, numbers.Length, i => numbers[i]);

    public static async Task<SubmitResult[]> SubmitAsync(
        this SimulatorCarrier carrier, SubmitBatch batch, CancellationToken cancellationToken = default)
    {
        var results = new SubmitResult[batch.Count];
        await carrier.SubmitAsync(batch, results, cancellationToken);
        return results;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test at the deadline.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, TimeSpan? deadline = null, FakeTimeProvider? stepping = null)
    {
        var giveUpAt = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < giveUpAt, "The expected outcome did not happen before the deadline.");

            // With a fake clock, time moves only in small steps, so whatever happens is seen near its due time.
            stepping?.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(5);
        }
    }
}
