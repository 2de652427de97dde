using System.Diagnostics;
using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Simulator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Bench.Carrier;

/// <summary>
/// The embedded-complete baseline: the simulator alone (uncapped, receipts on, the silo's receipt delay) taking every
/// message in batches of 500, cut into partitions of 20,000 as the cluster cuts them, submitted from all cores, until
/// the last receipt has reached a sink that only counts.
/// </summary>
internal static class SimulatorBaseline
{
    const int BatchSize = 500;
    const int PartitionSize = 20_000;

    public static async Task<(TimeSpan Elapsed, long Receipts)> MeasureAsync(long[] numbers, int receiptDelayMs)
    {
        var sink = new CountingReceiptSink();
        var options = Options.Create(new SimulatorOptions { MessagesPerSecond = 0, ReceiptDelayMs = receiptDelayMs });
        await using var carrier = new SimulatorCarrier(options, sink, TimeProvider.System, NullLogger<SimulatorCarrier>.Instance);
        var partitions = (numbers.Length + PartitionSize - 1) / PartitionSize;
        long accepted = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, partitions), async (p, cancellationToken) =>
        {
            var key = $"bench-simulator/1/{p}";
            var bodies = new string[BatchSize];
            Array.Fill(bodies, "Bench message: 20% off today");
            var segments = new byte[BatchSize];
            Array.Fill(segments, (byte)1);
            var results = new SubmitResult[BatchSize];
            var end = Math.Min(numbers.Length, (p + 1) * PartitionSize);
            for (var start = p * PartitionSize; start < end; start += BatchSize)
            {
                var count = Math.Min(BatchSize, end - start);
                var indexes = new int[count];
                var batchNumbers = new long[count];
                for (var i = 0; i < count; i++)
                {
                    indexes[i] = start - (p * PartitionSize) + i;
                    batchNumbers[i] = numbers[start + i];
                }
                await carrier.SubmitAsync(new SubmitBatch(key, "BenchCo", indexes, batchNumbers, bodies, segments, null, count),
                    results, cancellationToken);
                var taken = 0;
                for (var i = 0; i < count; i++)
                {
                    taken += results[i].Status == SubmitStatus.Accepted ? 1 : 0;
                }
                Interlocked.Add(ref accepted, taken);
            }
        });
        await sink.WaitForAsync(Interlocked.Read(ref accepted)).WaitAsync(TimeSpan.FromMinutes(10));
        return (clock.Elapsed, sink.Count);
    }
}
