using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue;

[GrainType("catalogue-entry")]
internal sealed class CatalogueEntryGrain(
    [PersistentState("catalogue-entry", StorageNames.Grains)] IPersistentState<CatalogueEntryState> entry)
    : Grain, ICatalogueEntryGrain
{
    public async Task<string> ClaimAsync(string clientId)
    {
        if (entry.State.OwnerClientId is { } owner)
        {
            return owner;
        }
        entry.State.OwnerClientId = clientId;
        await entry.WriteStateAsync();
        return clientId;
    }

    public Task<string?> GetOwnerAsync() => Task.FromResult(entry.State.OwnerClientId);
}

[GenerateSerializer, Alias("catalogue-entry-state")]
internal sealed class CatalogueEntryState
{
    [Id(0)] public string? OwnerClientId { get; set; }
}
