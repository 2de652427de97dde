using BroadcastGrains.Telemetry;

namespace BroadcastGrains.Carrier.Connectors;

/// <summary>
/// A connector's link as the send path sees it: the carrier's own link, with the parts of every accepted message
/// counted into the connector's <see cref="DailyPartTally"/> (what <c>submittedToday</c> reports) and every answer into
/// the <see cref="ConnectorMetrics"/> under the connector's name.
/// </summary>
public sealed class CountedCarrierLink(ICarrierLink inner, DailyPartTally tally, ConnectorMetrics? metrics = null) : ICarrierLink
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
        Span<long> parts = stackalloc long[3];
        var answers = results.Span;
        for (var i = 0; i < batch.Count; i++)
        {
            parts[(int)answers[i].Status] += Math.Max((byte)1, batch.Segments[i]);
        }
        tally.Add(parts[(int)SubmitStatus.Accepted]);
        metrics?.Submitted(inner.Name, parts[(int)SubmitStatus.Accepted], parts[(int)SubmitStatus.Rejected],
            parts[(int)SubmitStatus.RetryLater]);
    }
}
