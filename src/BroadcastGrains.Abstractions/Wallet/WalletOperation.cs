namespace BroadcastGrains.Wallet;

/// <summary>
/// A credit movement for a run of a broadcast. Holds are kept per (broadcast, run), so runs of a recurring broadcast
/// that overlap never spend or release each other's credits; a run has one hold and one release.
/// </summary>
/// <remarks>
/// Captures and refunds are applied once by (<paramref name="Source"/>, <paramref name="Sequence"/>): a source (a
/// partition) numbers its captures 0, 1, 2, … and its refunds likewise, sends the next only once the previous one was
/// answered, and repeats a number only to retry it; the wallet keeps, per source of an open run, the highest number it
/// applied. An operation without a source is its own source (its <paramref name="OperationId"/>, number 0).
/// <paramref name="OperationId"/> is what the ledger shows as the entry's reference.
/// </remarks>
[GenerateSerializer, Immutable, Alias("wallet-op")]
public sealed record WalletOperation(
    [property: Id(0)] string OperationId,
    [property: Id(1)] string BroadcastId,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] int Run = 1,
    [property: Id(4)] string? Source = null,
    [property: Id(5)] long Sequence = 0)
{
    /// <summary>The key the wallet keeps this run's hold under.</summary>
    public string HoldKey => HoldKeyOf(BroadcastId, Run);

    /// <summary>Who numbers this operation: <see cref="Source"/>, or the operation itself.</summary>
    public string SourceKey => Source ?? OperationId;

    /// <summary>The key of run <paramref name="run"/> of a broadcast's hold.</summary>
    public static string HoldKeyOf(string broadcastId, int run) =>
        run == 1 ? broadcastId : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{broadcastId}#{run}");
}
