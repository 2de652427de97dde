using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Smpp;
using BroadcastGrains.Pricing;
using BroadcastGrains.Smpp.Tests.Smsc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Smpp.Tests.Link;

/// <summary>
/// An <see cref="SmppCarrier"/> bound to the fixture's SMSC under a system_id of its own, with sinks that collect
/// what the carrier hands on and a logger that keeps its lines. Disposing it unbinds.
/// </summary>
internal sealed class CarrierUnderTest : IAsyncDisposable
{
    readonly ServiceProvider _services;

    CarrierUnderTest(SmppCarrier carrier, ServiceProvider services, string systemId, CollectingReceiptSink receipts,
        CollectingInboundSink inbound, CollectingLoggerProvider logs)
    {
        Carrier = carrier;
        _services = services;
        SystemId = systemId;
        Receipts = receipts;
        Inbound = inbound;
        Logs = logs;
    }

    public SmppCarrier Carrier { get; }

    public string SystemId { get; }

    public CollectingReceiptSink Receipts { get; }

    public CollectingInboundSink Inbound { get; }

    public CollectingLoggerProvider Logs { get; }

    public static CarrierUnderTest Create(LinkFixture fixture, Action<SmppOptions>? configure = null)
    {
        var systemId = "t" + Guid.NewGuid().ToString("N")[..10];
        var options = new SmppOptions
        {
            Host = "127.0.0.1", Port = fixture.Smsc.SmppPort, SystemId = systemId, Password = SmscProcess.Password,
            ReconnectMinMs = 50, ReconnectMaxMs = 1_000, ReceiptGraceMs = 2_000, ResponseTimeoutMs = 3_000,
        };
        configure?.Invoke(options);
        var receipts = new CollectingReceiptSink();
        var inbound = new CollectingInboundSink();
        var logs = new CollectingLoggerProvider();
        var services = new ServiceCollection()
            .AddSingleton<IInboundMessageSink>(inbound)
            .AddLogging(logging => logging.AddProvider(logs))
            .BuildServiceProvider();
        var carrier = new SmppCarrier(Options.Create(options), fixture.Grains, receipts, services, TimeProvider.System,
            services.GetRequiredService<ILoggerFactory>());
        carrier.Start();
        return new CarrierUnderTest(carrier, services, systemId, receipts, inbound, logs);
    }

    /// <summary>A batch of one partition: recipient i gets <paramref name="bodies"/>[i] (or the one body for all).</summary>
    public static SubmitBatch Batch(string partition, IReadOnlyList<long> numbers, string body, string from = "MyShop", int firstIndex = 0)
    {
        var count = numbers.Count;
        var segments = (byte)SegmentCounter.Count(body).Segments;
        return new SubmitBatch(partition, from, [.. Enumerable.Range(firstIndex, count)], [.. numbers],
            [.. Enumerable.Repeat(body, count)], [.. Enumerable.Repeat(segments, count)], null, count);
    }

    /// <summary>Submits like a partition does: messages answered RetryLater go again until each has a final answer.</summary>
    public async Task<SubmitResult[]> SubmitUntilSettledAsync(SubmitBatch batch, TimeSpan deadline)
    {
        var final = new SubmitResult[batch.Count];
        var pending = Enumerable.Range(0, batch.Count).ToList();
        var giveUpAt = DateTime.UtcNow + deadline;
        while (pending.Count > 0)
        {
            Assert.True(DateTime.UtcNow < giveUpAt, $"{pending.Count} messages still answered RetryLater after {deadline.TotalSeconds} s");
            var retry = new SubmitBatch(batch.PartitionKey, batch.From, [.. pending.Select(i => batch.Indexes[i])],
                [.. pending.Select(i => batch.Numbers[i])], [.. pending.Select(i => batch.Bodies[i])],
                [.. pending.Select(i => batch.Segments[i])], null, pending.Count);
            var results = new SubmitResult[retry.Count];
            await Carrier.SubmitAsync(retry, results, CancellationToken.None);
            var next = new List<int>();
            for (var k = 0; k < results.Length; k++)
            {
                if (results[k].Status == SubmitStatus.RetryLater)
                {
                    next.Add(pending[k]);
                }
                else
                {
                    final[pending[k]] = results[k];
                }
            }
            pending = next;
        }
        return final;
    }

    public async ValueTask DisposeAsync()
    {
        await Carrier.DisposeAsync();
        await _services.DisposeAsync();
    }
}
