using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>Broadcast states for the plain-rule tests: a stored broadcast in a given status, built without a cluster.</summary>
internal static class States
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public const string EveryHour = "FREQ=HOURLY";

    public static ScheduleSpec Schedule(ScheduleMode mode, DateTimeOffset? at = null, string? rule = null) =>
        new(mode, at, rule, "UTC", mode == ScheduleMode.Drip ? 60 : null, null);

    public static BroadcastState Of(BroadcastStatus status, ScheduleSpec? schedule = null, long recipients = 10, decimal credits = 1m) => new()
    {
        ClientId = "client-1",
        Status = status,
        Definition = new BroadcastDefinition("launch", "ACME", "Hello", null, null, schedule ?? ScheduleSpec.Now, 60),
        CreatedAt = Now,
        RecipientCount = recipients,
        EstimatedCredits = credits,
        Prepared = [Progress(0, pending: recipients)],
    };

    /// <summary>A run in <paramref name="status"/> with one partition, done or not.</summary>
    public static RunState Run(int run, BroadcastStatus status, bool done = false, long cancelled = 0) => new()
    {
        Run = run,
        Status = status,
        Held = 1m,
        Partitions = [Progress(0, cancelled: cancelled, done: done, run: run)],
    };

    public static PartitionProgress Progress(int partition, long pending = 0, long cancelled = 0, bool done = false, int run = 1)
    {
        var counts = new long[RecipientStatuses.Count];
        counts[(int)RecipientStatus.Pending] = pending;
        counts[(int)RecipientStatus.Cancelled] = cancelled;
        return new PartitionProgress(partition, 1, counts, 0m, 0m, done, run);
    }
}
