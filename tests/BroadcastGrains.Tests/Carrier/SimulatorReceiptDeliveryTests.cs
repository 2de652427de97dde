using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Simulator;
using Microsoft.Extensions.Time.Testing;

namespace BroadcastGrains.Tests.Carrier;

public class SimulatorReceiptDeliveryTests
{
    static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Receipts_arrive_only_after_the_receipt_delay()
    {
        var time = new FakeTimeProvider(Start);
        var sink = new CollectingReceiptSink(time);
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions { ReceiptDelayMs = 200 }, sink, time);

        await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 0, 10));
        time.Advance(TimeSpan.FromMilliseconds(199));
        Assert.Empty(sink.Deliveries);
        await SimulatorTestKit.EventuallyAsync(() => sink.Deliveries.Count == 1, stepping: time);

        var delivery = sink.Deliveries.Single();
        Assert.True(delivery.ReceivedAt >= Start.AddMilliseconds(200), $"received at {delivery.ReceivedAt:O}");
        Assert.Equal(Start.AddMilliseconds(200), delivery.Receipts.At);
    }

    [Fact]
    public async Task Each_submitted_batch_gets_one_receipt_batch()
    {
        var time = new FakeTimeProvider(Start);
        var sink = new CollectingReceiptSink(time);
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions(), sink, time);

        await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 0, 100));
        await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 100, 100));
        await carrier.SubmitAsync(SimulatorTestKit.Batch("p2", 0, 50));
        await SimulatorTestKit.EventuallyAsync(() => carrier.ReceiptsSent == 250, stepping: time);

        Assert.Equal([100, 100, 50], sink.Deliveries.Select(d => d.Receipts.Indexes.Length).Order().Reverse());
        Assert.All(sink.Deliveries, d => Assert.Null(d.Receipts.Errors));
        Assert.Equal(250, sink.Outcomes().Count);
    }

    [Fact]
    public async Task A_failing_sink_gets_the_batch_again_after_a_backoff()
    {
        var time = new FakeTimeProvider(Start);
        var sink = new CollectingReceiptSink(time, failuresBeforeSuccess: 2);
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions { ReceiptDelayMs = 0 }, sink, time);

        await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 0, 100));
        await SimulatorTestKit.EventuallyAsync(() => sink.Deliveries.Count == 1, stepping: time);

        Assert.Equal(3, sink.Calls);
        Assert.Equal(100, carrier.ReceiptsSent);
        Assert.True(sink.Deliveries.Single().ReceivedAt > Start, "the retry waited for its backoff");
    }

    [Fact]
    public async Task A_sink_that_keeps_failing_is_given_up_on()
    {
        var time = new FakeTimeProvider(Start);
        var sink = new CollectingReceiptSink(time, failuresBeforeSuccess: int.MaxValue);
        await using var carrier = SimulatorTestKit.Carrier(new SimulatorOptions { ReceiptDelayMs = 0 }, sink, time);

        await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 0, 10));
        await SimulatorTestKit.EventuallyAsync(() => sink.Calls >= 5, stepping: time);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(5, sink.Calls);
        Assert.Equal(0, carrier.ReceiptsSent);
    }

    [Fact]
    public async Task A_disposed_carrier_sends_no_more_receipts_and_takes_no_more_messages()
    {
        var time = new FakeTimeProvider(Start);
        var sink = new CollectingReceiptSink(time);
        var carrier = SimulatorTestKit.Carrier(new SimulatorOptions { ReceiptDelayMs = 200 }, sink, time);

        await carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 0, 10));
        await carrier.DisposeAsync();
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(sink.Deliveries);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => carrier.SubmitAsync(SimulatorTestKit.Batch("p1", 10, 1)));
    }
}
