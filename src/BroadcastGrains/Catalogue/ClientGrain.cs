using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue;

[GrainType("client")]
internal sealed class ClientGrain(
    [PersistentState("client", StorageNames.Grains)] IPersistentState<ClientState> client)
    : Grain, IClientGrain
{
    public async Task<ClientProfile> CreateAsync(ClientProfile profile)
    {
        if (client.State.Profile is { } existing)
        {
            return existing;
        }
        client.State.Profile = profile with { Id = this.GetPrimaryKeyString() };
        await client.WriteStateAsync();
        return client.State.Profile;
    }

    public Task<ClientProfile?> GetAsync() => Task.FromResult(client.State.Profile);

    public async Task AddKeyAsync(string keyId)
    {
        if (!client.State.KeyIds.Contains(keyId))
        {
            client.State.KeyIds.Add(keyId);
            await client.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetKeyIdsAsync() => Task.FromResult<IReadOnlyList<string>>(client.State.KeyIds);
}

[GenerateSerializer, Alias("client-state")]
internal sealed class ClientState
{
    [Id(0)] public ClientProfile? Profile { get; set; }
    [Id(1)] public List<string> KeyIds { get; set; } = [];
}
