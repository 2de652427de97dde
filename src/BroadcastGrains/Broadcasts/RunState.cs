using BroadcastGrains.Partitions;

namespace BroadcastGrains.Broadcasts;

/// <summary>One run of a broadcast: its own partitions, hold, counts and outcome (API.md <c>/runs</c>).</summary>
[GenerateSerializer, Alias("run-state")]
public sealed class RunState
{
    [Id(0)] public int Run { get; set; }
    [Id(1)] public BroadcastStatus Status { get; set; }
    [Id(2)] public DateTimeOffset ScheduledFor { get; set; }
    [Id(3)] public DateTimeOffset? StartedAt { get; set; }
    [Id(4)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(5)] public long RecipientCount { get; set; }
    [Id(6)] public decimal EstimatedCredits { get; set; }
    [Id(7)] public decimal Held { get; set; }
    [Id(8)] public decimal Released { get; set; }
    [Id(9)] public string? FailureReason { get; set; }
    [Id(10)] public PartitionProgress?[] Partitions { get; set; } = [];

    /// <summary>True once the wallet was told to forget the run (its release stored, every partition done).</summary>
    [Id(11)] public bool WalletClosed { get; set; }

    /// <summary>A retry run: it sends through the partitions of run <see cref="PartitionsOf"/> again, to <see cref="RetryStatuses"/>.</summary>
    [Id(60)] public int PartitionsOf { get; set; }
    [Id(61)] public RecipientStatus[]? RetryStatuses { get; set; }

    public bool IsRetry => RetryStatuses is not null;

    /// <summary>The run in the keys of the partition grains this run sends through.</summary>
    public int GrainRun => PartitionsOf > 0 ? PartitionsOf : Run;

    public decimal Captured => Partitions.Sum(p => p?.Captured ?? 0);
    public decimal Refunded => Partitions.Sum(p => p?.Refunded ?? 0);
    public decimal StillHeld => Math.Max(0, Held - Captured - Released);
    public bool AllPartitionsDone => Partitions.Length > 0 && Partitions.All(p => p?.Done == true);
    public bool IsActive => Status is BroadcastStatus.Sending or BroadcastStatus.Paused;

    /// <summary>Started partitions, not all done: receipts (even of a cancelled run) may still come.</summary>
    public bool Settling => Partitions.Length > 0 && !AllPartitionsDone;

    /// <summary>Finished (released) with every partition done, so nothing more can reach the wallet for it.</summary>
    public bool AwaitsWalletClose => !IsActive && AllPartitionsDone && !WalletClosed;
}
