using BroadcastGrains.Storage;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// The key's reservation (body hash and broadcast id) is stored before the broadcast is asked to do anything, so a retry
/// after a crash or a timed-out call creates that same id again instead of a second broadcast; the broadcast's create is
/// idempotent for its id (it answers a committed create and rolls an unfinished one back before making it again).
/// </summary>
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
        if (command.DryRun)
        {
            // A dry run creates nothing, so there is nothing to make once: it is answered afresh every time.
            return await GrainFactory.GetGrain<IBroadcastGrain>(BroadcastIds.New()).CreateAsync(command);
        }
        var now = time.GetUtcNow();
        var reserved = entry.State.BroadcastId is not null || entry.State.Outcome is not null;
        if (reserved && now - entry.State.At < Lifetime)
        {
            if (!entry.State.RequestHash.AsSpan().SequenceEqual(requestHash))
            {
                return BroadcastOutcome.Fail(ErrorCodes.IdempotencyKeyReused, "this Idempotency-Key was used with another request body");
            }
            if (entry.State.Outcome is { } first)
            {
                return first;
            }
        }
        else
        {
            entry.State = new IdempotentCreateState { RequestHash = requestHash, BroadcastId = BroadcastIds.New(), At = now };
            await entry.WriteStateAsync();
        }
        var outcome = await GrainFactory.GetGrain<IBroadcastGrain>(entry.State.BroadcastId!)
            .CreateAsync(command with { RequestHash = requestHash });
        entry.State.Outcome = outcome;
        await entry.WriteStateAsync();
        return outcome;
    }
}

[GenerateSerializer, Alias("idempotent-create-state")]
internal sealed class IdempotentCreateState
{
    [Id(0)] public byte[] RequestHash { get; set; } = [];
    /// <summary>The first response; null while the create of <see cref="BroadcastId"/> has not answered.</summary>
    [Id(1)] public BroadcastOutcome? Outcome { get; set; }
    [Id(2)] public DateTimeOffset At { get; set; }
    /// <summary>The broadcast this key creates, reserved before the create starts.</summary>
    [Id(3)] public string? BroadcastId { get; set; }
}
