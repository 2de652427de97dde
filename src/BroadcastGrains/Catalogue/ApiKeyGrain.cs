using System.Security.Cryptography;
using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue;

/// <summary>
/// One key. Verification is a single activation's in-memory compare, so a revocation is seen by every silo's next request.
/// </summary>
[GrainType("api-key")]
internal sealed class ApiKeyGrain(
    [PersistentState("api-key", StorageNames.Grains)] IPersistentState<ApiKeyState> key,
    TimeProvider time)
    : Grain, IApiKeyGrain
{
    static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<bool> IssueAsync(ApiKeyRecord record)
    {
        if (key.State.Record is not null)
        {
            return false;
        }
        key.State.Record = record;
        await key.WriteStateAsync();
        return true;
    }

    public async Task<ApiKeyRecord?> VerifyAsync(byte[] secretHash)
    {
        var record = key.State.Record;
        if (record is null || record.RevokedAt is not null
            || !CryptographicOperations.FixedTimeEquals(record.SecretHash, secretHash))
        {
            return null;
        }
        var now = time.GetUtcNow();
        // lastUsedAt is advisory: write it at most once a minute so authentication does not cost a write per request.
        if (record.LastUsedAt is null || now - record.LastUsedAt.Value >= LastUsedResolution)
        {
            key.State.Record = record with { LastUsedAt = now };
            await key.WriteStateAsync();
        }
        return key.State.Record;
    }

    public Task<ApiKeyRecord?> GetAsync() => Task.FromResult(key.State.Record);

    public async Task<bool> RevokeAsync()
    {
        if (key.State.Record is not { } record)
        {
            return false;
        }
        if (record.RevokedAt is null)
        {
            key.State.Record = record with { RevokedAt = time.GetUtcNow() };
            await key.WriteStateAsync();
        }
        return true;
    }
}

[GenerateSerializer, Alias("api-key-state")]
internal sealed class ApiKeyState
{
    [Id(0)] public ApiKeyRecord? Record { get; set; }
}
