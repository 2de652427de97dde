namespace BroadcastGrains.Carrier.Connectors;

/// <summary>
/// A connector's link as the send path sees it: the carrier's own link, with the parts of every accepted message
/// counted into the connector's <see cref="DailyPartTally"/> (what <c>submittedToday</c> reports and a daily limit
/// will hold against).
/// </summary>
public sealed class CountedCarrierLink(ICarrierLink inner, DailyPartTally tally) : ICarrierLink
{
    /// <summary>The carrier's own link.</summary>
    public ICarrierLink Inner => inner;

    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public async ValueTask SubmitAsync(SubmitBatch batch, Memory<SubmitResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await inner.SubmitAsync(batch, results, cancellationToken);
        var parts = 0L;
        var answers = results.Span;
        for (var i = 0; i < batch.Count; i++)
        {
            if (answers[i].Status == SubmitStatus.Accepted)
            {
                parts += Math.Max((byte)1, batch.Segments[i]);
            }
        }
        tally.Add(parts);
    }
}
