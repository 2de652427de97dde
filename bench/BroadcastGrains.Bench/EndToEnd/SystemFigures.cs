namespace BroadcastGrains.Bench.EndToEnd;

/// <summary>What one storage mode's silo did, end to end over HTTP.</summary>
internal sealed record SystemFigures(
    string Storage,
    TimeSpan AcceptDryRun,
    IReadOnlyList<TimeSpan> Accepts,
    long RecipientCount,
    long InvalidCount,
    TimeSpan Complete,
    IReadOnlyDictionary<string, long> DrSummary,
    long PeakRssBytes,
    double PageP50Ms,
    double PageP99Ms,
    int Pages,
    long ReceiptsPosted,
    long ReceiptsMatched,
    TimeSpan ReceiptsElapsed)
{
    /// <summary>The best of the accept rounds, as the parse baseline is the best of its passes.</summary>
    public TimeSpan Accept => Accepts.Min();

    public TimeSpan AcceptMedian => Accepts.Order().ElementAt(Accepts.Count / 2);

    public double MessagesPerSecond => RecipientCount / Complete.TotalSeconds;

    public double ReceiptsPerSecond => ReceiptsPosted / ReceiptsElapsed.TotalSeconds;
}
