using BroadcastGrains.Storage;

namespace BroadcastGrains.Limits;

/// <summary>
/// Recipients counted per UTC day. Reservations are kept by operation id for the day, so a retried reserve counts once
/// and a refused create can give back exactly what it took; the state is one day's worth, reset when the day turns.
/// </summary>
[GrainType("daily-quota")]
internal sealed class DailyQuotaGrain(
    [PersistentState("daily-quota", StorageNames.Grains)] IPersistentState<DailyQuotaState> quota,
    TimeProvider time)
    : Grain, IDailyQuotaGrain
{
    public async Task<LimitDecision> ReserveAsync(string operationId, long recipients, long limit)
    {
        var now = time.GetUtcNow();
        Roll(now);
        var state = quota.State;
        if (state.Reservations.ContainsKey(operationId))
        {
            return LimitDecision.Allow;
        }
        if (state.Used + recipients > limit)
        {
            var nextDay = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            return new LimitDecision(false, nextDay - now);
        }
        state.Used += recipients;
        state.Reservations[operationId] = recipients;
        await quota.WriteStateAsync();
        return LimitDecision.Allow;
    }

    public async Task ReleaseAsync(string operationId)
    {
        Roll(time.GetUtcNow());
        if (quota.State.Reservations.Remove(operationId, out var recipients))
        {
            quota.State.Used -= recipients;
            await quota.WriteStateAsync();
        }
    }

    void Roll(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (quota.State.Day != today)
        {
            quota.State.Day = today;
            quota.State.Used = 0;
            quota.State.Reservations.Clear();
        }
    }
}

[GenerateSerializer, Alias("daily-quota-state")]
internal sealed class DailyQuotaState
{
    [Id(0)] public DateOnly Day { get; set; }
    [Id(1)] public long Used { get; set; }
    [Id(2)] public Dictionary<string, long> Reservations { get; set; } = [];
}
