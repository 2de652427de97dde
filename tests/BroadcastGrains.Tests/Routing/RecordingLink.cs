using BroadcastGrains.Carrier;

namespace BroadcastGrains.Tests.Routing;

/// <summary>A carrier link that records the numbers it was given and answers every one with <see cref="Answer"/>, or throws.</summary>
internal sealed class RecordingLink(string name) : ICarrierLink
{
    public string Name => name;

    public List<long> Numbers { get; } = [];

    public SubmitStatus Answer { get; set; } = SubmitStatus.Accepted;

    public bool Throws { get; set; }

    public ValueTask SubmitAsync(SubmitBatch batch, Memory<SubmitResult> results, CancellationToken cancellationToken)
    {
        if (Throws)
        {
            throw new IOException($"{name} is unreachable");
        }
        Assert.Null(batch.Routing);
        Numbers.AddRange(batch.Numbers.Take(batch.Count));
        results.Span[..batch.Count].Fill(new SubmitResult(Answer, null, null));
        return ValueTask.CompletedTask;
    }
}
