using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue.Senders;

/// <summary>The owners of one sender name; a handful of client ids at most.</summary>
[GrainType("sender-directory")]
internal sealed class SenderDirectoryGrain(
    [PersistentState("sender-directory", StorageNames.Grains)] IPersistentState<SenderDirectoryState> directory)
    : Grain, ISenderDirectoryGrain
{
    public async Task SetAsync(string clientId, bool owns)
    {
        var clients = directory.State.ClientIds;
        if (owns == clients.Contains(clientId))
        {
            return;
        }
        if (owns)
        {
            clients.Add(clientId);
        }
        else
        {
            clients.Remove(clientId);
        }
        await directory.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetClientsAsync() => Task.FromResult<IReadOnlyList<string>>([.. directory.State.ClientIds]);
}

[GenerateSerializer, Alias("sender-directory-state")]
internal sealed class SenderDirectoryState
{
    [Id(0)] public List<string> ClientIds { get; set; } = [];
}
