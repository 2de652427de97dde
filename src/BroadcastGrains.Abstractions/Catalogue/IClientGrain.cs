namespace BroadcastGrains.Catalogue;

/// <summary>A tenant client: its profile and the summaries of its API keys. Keyed by client id.</summary>
[Alias("client")]
public interface IClientGrain : IGrainWithStringKey
{
    /// <summary>Creates the client; answers the stored profile (the first one, when called again).</summary>
    [Alias("create")]
    Task<ClientProfile> CreateAsync(ClientProfile profile);

    /// <summary>The profile, or null when no such client exists.</summary>
    [Alias("get")]
    Task<ClientProfile?> GetAsync();

    /// <summary>
    /// Changes the fields <paramref name="patch"/> gives and tells the grains that enforce them (the rate limiter, the
    /// wallet, the webhook outbox), so the change holds at once on every silo; null when no such client exists.
    /// </summary>
    [Alias("update")]
    Task<ClientProfile?> UpdateAsync(ClientPatch patch);

    /// <summary>Remembers a key issued to this client (for listing; the key itself lives in its <see cref="IApiKeyGrain"/>).</summary>
    [Alias("add-key")]
    Task AddKeyAsync(string keyId);

    /// <summary>Ids of the keys issued to this client, oldest first.</summary>
    [Alias("key-ids")]
    Task<IReadOnlyList<string>> GetKeyIdsAsync();
}
