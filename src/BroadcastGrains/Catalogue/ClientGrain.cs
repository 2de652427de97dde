using BroadcastGrains.Limits;
using BroadcastGrains.Storage;
using BroadcastGrains.Webhooks;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Catalogue;

[GrainType("client")]
internal sealed partial class ClientGrain(
    [PersistentState("client", StorageNames.Grains)] IPersistentState<ClientState> client,
    ILogger<ClientGrain> logger)
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

    public async Task<ClientProfile?> UpdateAsync(ClientPatch patch)
    {
        if (client.State.Profile is not { } before)
        {
            return null;
        }
        var after = ClientPatchRule.Apply(before, patch);
        if (after == before)
        {
            return before;
        }
        client.State.Profile = after;
        try
        {
            await client.WriteStateAsync();
        }
        catch
        {
            client.State.Profile = before;
            throw;
        }
        await TellEnforcersAsync(before, after);
        return after;
    }

    /// <summary>
    /// The change is stored, so it is the client's from now on. The grains that hold a copy are told at once; telling is
    /// best effort, because each of them also reads the profile again within seconds (so a lost call only delays it).
    /// </summary>
    async Task TellEnforcersAsync(ClientProfile before, ClientProfile after)
    {
        var id = this.GetPrimaryKeyString();
        var calls = new List<Task>();
        if (ClientPatchRule.ChangesRateLimit(before, after))
        {
            calls.Add(GrainFactory.GetGrain<IRateLimitGrain>(id).ChangeLimitAsync(after.RateLimit));
        }
        if (ClientPatchRule.ChangesWebhook(before, after))
        {
            calls.Add(GrainFactory.GetGrain<IWebhookQueueGrain>(id).ForgetProfileAsync());
        }
        try
        {
            await Task.WhenAll(calls);
        }
        catch (Exception e)
        {
            Log.TellFailed(logger, id, e);
        }
    }

    public async Task AddKeyAsync(string keyId)
    {
        if (!client.State.KeyIds.Contains(keyId))
        {
            client.State.KeyIds.Add(keyId);
            await client.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetKeyIdsAsync() => Task.FromResult<IReadOnlyList<string>>(client.State.KeyIds);

    static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Client {ClientId}: its change is stored, but telling a grain that enforces it failed; it reads the change itself within seconds")]
        public static partial void TellFailed(ILogger logger, string clientId, Exception exception);
    }
}

[GenerateSerializer, Alias("client-state")]
internal sealed class ClientState
{
    [Id(0)] public ClientProfile? Profile { get; set; }
    [Id(1)] public List<string> KeyIds { get; set; } = [];
}
