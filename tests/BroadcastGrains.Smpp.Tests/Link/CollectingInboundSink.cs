using System.Collections.Concurrent;
using BroadcastGrains.Carrier;

namespace BroadcastGrains.Smpp.Tests.Link;

/// <summary>Stands in for the opt-out and reply handling: keeps every inbound message handed over.</summary>
internal sealed class CollectingInboundSink : IInboundMessageSink
{
    readonly ConcurrentQueue<InboundMessage> _messages = new();

    public IReadOnlyList<InboundMessage> Messages => [.. _messages];

    public Task AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        _messages.Enqueue(message);
        return Task.CompletedTask;
    }
}
