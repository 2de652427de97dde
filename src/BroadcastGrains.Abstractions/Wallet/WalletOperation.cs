namespace BroadcastGrains.Wallet;

/// <summary>
/// A credit movement for a run of a broadcast. <paramref name="OperationId"/> makes it idempotent; holds are kept per
/// (broadcast, run), so runs of a recurring broadcast that overlap never spend or release each other's credits.
/// </summary>
[GenerateSerializer, Immutable, Alias("wallet-op")]
public sealed record WalletOperation(
    [property: Id(0)] string OperationId,
    [property: Id(1)] string BroadcastId,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] int Run = 1)
{
    /// <summary>The key the wallet keeps this run's hold under.</summary>
    public string HoldKey => HoldKeyOf(BroadcastId, Run);

    /// <summary>The key of run <paramref name="run"/> of a broadcast's hold.</summary>
    public static string HoldKeyOf(string broadcastId, int run) =>
        run == 1 ? broadcastId : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{broadcastId}#{run}");
}
