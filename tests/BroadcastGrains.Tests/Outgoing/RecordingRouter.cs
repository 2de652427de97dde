using System.Collections.Concurrent;
using BroadcastGrains.Carrier;

namespace BroadcastGrains.Tests.Outgoing;

/// <summary>Stands in for the routing table: accepts every message and keeps the text each number was sent.</summary>
internal sealed class RecordingRouter : IRecipientRouter
{
    public ConcurrentDictionary<long, string> SentTexts { get; } = new();

    public ValueTask SubmitAsync(SubmitBatch batch, Memory<SubmitResult> results, CancellationToken cancellationToken)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            SentTexts[batch.Numbers[i]] = batch.Bodies[i];
        }
        results.Span[..batch.Count].Fill(new SubmitResult(SubmitStatus.Accepted, null, null));
        return ValueTask.CompletedTask;
    }
}
