namespace BroadcastGrains.Links;

/// <summary>The cluster's one source of link blocks and of the key every code is permuted with.</summary>
[Alias("link-directory-grain")]
public interface ILinkDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The one key this grain lives at.</summary>
    public const string Key = "links";

    /// <summary>A block number never handed out before, and the code key.</summary>
    [Alias("reserve")]
    Task<(long Block, ulong Key)> ReserveAsync();

    /// <summary>The code key (made on first use and kept for good).</summary>
    [Alias("key"), Orleans.Concurrency.ReadOnly]
    Task<ulong> GetKeyAsync();
}
