namespace BroadcastGrains.Bench.EndToEnd;

/// <summary>What one storage mode's silo did, end to end over HTTP.</summary>
internal sealed record SystemFigures(
    string Storage,
    TimeSpan AcceptDryRun,
    TimeSpan Accept,
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
    public double MessagesPerSecond => RecipientCount / Complete.TotalSeconds;

    public double ReceiptsPerSecond => ReceiptsPosted / ReceiptsElapsed.TotalSeconds;
}
