namespace BroadcastGrains.Storage;

/// <summary>Names of the grain storage providers the grains ask for; the silo decides what backs them.</summary>
public static class StorageNames
{
    /// <summary>Small grain state: wallets, broadcasts, catalogue.</summary>
    public const string Grains = "broadcast";

    /// <summary>Per-recipient slices of partitions (large; may move to a store of its own).</summary>
    public const string Recipients = "recipients";
}
