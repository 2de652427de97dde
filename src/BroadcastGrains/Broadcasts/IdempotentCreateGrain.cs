using BroadcastGrains.Storage;

namespace BroadcastGrains.Broadcasts;

[GrainType("idempotent-create")]
internal sealed class IdempotentCreateGrain(
    [PersistentState("idempotent-create", StorageNames.Grains)] IPersistentState<IdempotentCreateState> entry,
    TimeProvider time)
    : Grain, IIdempotentCreateGrain
{
    /// <summary>API.md: keys live at least 24 h.</summary>
    static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async Task<BroadcastOutcome> CreateAsync(byte[] requestHash, CreateBroadcastCommand command)
    {
        var now = time.GetUtcNow();
        if (entry.State.Outcome is { } first && now - entry.State.At < Lifetime)
        {
            return entry.State.RequestHash.AsSpan().SequenceEqual(requestHash)
                ? first
                : BroadcastOutcome.Fail(ErrorCodes.IdempotencyKeyReused, "this Idempotency-Key was used with another request body");
        }
        var outcome = await GrainFactory.GetGrain<IBroadcastGrain>(BroadcastIds.New()).CreateAsync(command);
        if (!command.DryRun)
        {
            entry.State = new IdempotentCreateState { RequestHash = requestHash, Outcome = outcome, At = now };
            await entry.WriteStateAsync();
        }
        return outcome;
    }
}

[GenerateSerializer, Alias("idempotent-create-state")]
internal sealed class IdempotentCreateState
{
    [Id(0)] public byte[] RequestHash { get; set; } = [];
    [Id(1)] public BroadcastOutcome? Outcome { get; set; }
    [Id(2)] public DateTimeOffset At { get; set; }
}
