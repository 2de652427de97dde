namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Creates a broadcast at most once per client and <c>Idempotency-Key</c>. Keyed <c>{clientId}/{key}</c>. The grain runs
/// the create itself, so concurrent retries queue behind the first and get its answer; a retry after a crash or a
/// timeout creates the broadcast id the key reserved first, never another.
/// </summary>
[Alias("idempotent-create")]
public interface IIdempotentCreateGrain : IGrainWithStringKey
{
    /// <summary>
    /// The first answer for this key when <paramref name="requestHash"/> matches it (within 24 h), a refusal
    /// (<c>IDEMPOTENCY_KEY_REUSED</c>) when it does not, or the key's broadcast (reserved on first use).
    /// </summary>
    [Alias("create")]
    Task<BroadcastOutcome> CreateAsync(byte[] requestHash, CreateBroadcastCommand command);
}
