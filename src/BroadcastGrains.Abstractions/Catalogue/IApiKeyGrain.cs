namespace BroadcastGrains.Catalogue;

/// <summary>
/// One API key, keyed by its id. The key a client holds is <c>bgk_{id}_{secret}</c>: the id finds this grain in one hop,
/// and the secret is checked against the stored SHA-256 hash in constant time.
/// </summary>
[Alias("api-key")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Stores a new key; answers false when the id is taken.</summary>
    [Alias("issue")]
    Task<bool> IssueAsync(ApiKeyRecord record);

    /// <summary>The key's record when <paramref name="secretHash"/> matches and it is not revoked; else null.</summary>
    [Alias("verify")]
    Task<ApiKeyRecord?> VerifyAsync(byte[] secretHash);

    /// <summary>The stored record (hash included), or null.</summary>
    [Alias("get")]
    Task<ApiKeyRecord?> GetAsync();

    /// <summary>Revokes the key at once; answers false when there is no such key.</summary>
    [Alias("revoke")]
    Task<bool> RevokeAsync();
}
