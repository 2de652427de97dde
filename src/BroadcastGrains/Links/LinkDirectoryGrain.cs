using System.Security.Cryptography;
using BroadcastGrains.Storage;

namespace BroadcastGrains.Links;

/// <summary>Hands out link block numbers, one per broadcast that tracks links: a counter and a random key.</summary>
[GrainType("link-directory")]
internal sealed class LinkDirectoryGrain(
    [PersistentState("link-directory", StorageNames.Grains)] IPersistentState<LinkDirectoryState> directory)
    : Grain, ILinkDirectoryGrain
{
    public async Task<(long Block, ulong Key)> ReserveAsync()
    {
        EnsureKey();
        var block = directory.State.NextBlock++;
        // Written before the number is handed out, so a restart never hands it out again.
        await directory.WriteStateAsync();
        return (block, directory.State.Key);
    }

    public async Task<ulong> GetKeyAsync()
    {
        if (EnsureKey())
        {
            await directory.WriteStateAsync();
        }
        return directory.State.Key;
    }

    bool EnsureKey()
    {
        if (directory.State.Key != 0)
        {
            return false;
        }
        directory.State.Key = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong))) | 1;
        return true;
    }
}

/// <summary>The directory's state: the next block number and the code key (0 until made).</summary>
[GenerateSerializer, Alias("link-directory-state")]
public sealed class LinkDirectoryState
{
    [Id(0)] public long NextBlock { get; set; }
    [Id(1)] public ulong Key { get; set; }
}
