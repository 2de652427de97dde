namespace BroadcastGrains.Wallet;

/// <summary>
/// What the wallet knows of one open run: what its hold took and still holds, what it was charged and given back, its
/// release, and per source the numbers of the last capture and refund applied (<see cref="SourceMarks"/>).
/// Never changed in place: <see cref="WithMarks"/> copies <see cref="Sources"/> (a run has one source per partition).
/// </summary>
[GenerateSerializer, Immutable, Alias("wallet-run")]
public sealed record RunAccount(
    [property: Id(0)] string BroadcastId,
    [property: Id(1)] decimal HeldAtStart,
    [property: Id(2)] decimal Held,
    [property: Id(3)] decimal Captured,
    [property: Id(4)] decimal Refunded,
    [property: Id(5)] decimal? Released,
    [property: Id(6)] Dictionary<string, SourceMarks> Sources,
    [property: Id(7)] string? HoldOperationId = null)
{
    /// <summary>A run whose hold (operation <paramref name="operationId"/>) took <paramref name="amount"/>.</summary>
    public static RunAccount Opened(string broadcastId, decimal amount, string operationId) =>
        new(broadcastId, amount, amount, 0, 0, null, new Dictionary<string, SourceMarks>(StringComparer.Ordinal), operationId);

    /// <summary>
    /// True when a hold of another operation may open the run afresh: its hold was released before anything was charged
    /// (a create, approve or send-now undone after its hold), so the retry's hold must take credits again.
    /// </summary>
    public bool IsUndone(string operationId) =>
        Released is not null && Captured == 0 && Refunded == 0 && HoldOperationId is not null && HoldOperationId != operationId;

    /// <summary>What a refund can still give back: a run is never refunded more than it was charged.</summary>
    public decimal Refundable => Captured - Refunded;

    /// <summary>The marks of <paramref name="source"/> (none applied yet when it never sent anything).</summary>
    public SourceMarks MarksOf(string source) => Sources.GetValueOrDefault(source) ?? SourceMarks.None;

    /// <summary>The sources' marks with <paramref name="source"/>'s replaced, in a new dictionary.</summary>
    public Dictionary<string, SourceMarks> WithMarks(string source, SourceMarks marks) =>
        new(Sources, StringComparer.Ordinal) { [source] = marks };
}
