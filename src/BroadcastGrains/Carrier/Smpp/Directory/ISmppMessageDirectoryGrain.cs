namespace BroadcastGrains.Carrier.Smpp.Directory;

/// <summary>
/// One shard of the map from SMSC message ids to the recipients that sent them (<see cref="DirectoryShards"/> picks the
/// shard from the id). A receipt may reach any bind of any silo, so the map is cluster-wide; entries live from the
/// submit_sm_resp until the final receipt is routed, or until the receipt window has long passed.
/// </summary>
[Alias("smpp-directory")]
internal interface ISmppMessageDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("register")]
    Task RegisterAsync(DirectoryRegistration registration);

    /// <summary>The entries of <paramref name="ids"/>, null where unknown; entries stay until <see cref="ForgetAsync"/>.</summary>
    [Alias("resolve")]
    Task<DirectoryEntry?[]> ResolveAsync(string[] ids);

    /// <summary>Removes entries whose final receipt has been routed.</summary>
    [Alias("forget")]
    Task ForgetAsync(string[] ids);

    /// <summary>
    /// Takes, for each address key, the oldest unconfirmed part registered under it (null if none): the reconciliation of
    /// a receipt whose id was never learnt.
    /// </summary>
    [Alias("claim")]
    Task<DirectoryEntry?[]> ClaimByAddressAsync(string[] addressKeys);

    /// <summary>Tallies part receipts of long messages whose <see cref="DirectoryEntry.MessageKey"/> falls in this shard.</summary>
    [Alias("aggregate")]
    Task<PartVerdict[]> AggregateAsync(PartReport[] reports);
}
