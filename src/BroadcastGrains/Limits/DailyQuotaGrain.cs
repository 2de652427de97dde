using BroadcastGrains.Storage;

namespace BroadcastGrains.Limits;

/// <summary>
/// Recipients counted per UTC day, cluster-wide (one activation per client). The rules are
/// <see cref="DailyQuotaState"/>'s; the grain turns the book to today by its clock and stores every change.
/// </summary>
[GrainType("daily-quota")]
internal sealed class DailyQuotaGrain(
    [PersistentState("daily-quota", StorageNames.Grains)] IPersistentState<DailyQuotaState> quota,
    TimeProvider time)
    : Grain, IDailyQuotaGrain
{
    public async Task<LimitDecision> ReserveAsync(string runKey, long recipients, long limit)
    {
        var now = time.GetUtcNow();
        var turned = quota.State.TurnTo(DateOnly.FromDateTime(now.UtcDateTime));
        var counted = !quota.State.Reservations.ContainsKey(runKey);
        if (!quota.State.TryReserve(runKey, recipients, limit))
        {
            var nextDay = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            return new LimitDecision(false, nextDay - now);
        }
        if (turned || counted)
        {
            await quota.WriteStateAsync();
        }
        return LimitDecision.Allow;
    }

    public async Task ReleaseAsync(string runKey, long recipients)
    {
        var turned = quota.State.TurnTo(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (quota.State.Release(runKey, recipients) > 0 || turned)
        {
            await quota.WriteStateAsync();
        }
    }
}
