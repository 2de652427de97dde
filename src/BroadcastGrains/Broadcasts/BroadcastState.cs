using BroadcastGrains.Partitions;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// A broadcast's persisted state: small and bounded (one progress row per partition per run, never per recipient).
/// <see cref="Prepared"/> holds the counts of the prepared recipients (run 1's partitions) before any run starts.
/// <see cref="Runs"/> keeps the newest <see cref="RunsKept"/> runs however long a series goes on; older finished ones
/// are dropped into <see cref="Dropped"/>, which keeps the totals and the run numbering right.
/// </summary>
[GenerateSerializer, Alias("broadcast-state")]
public sealed class BroadcastState
{
    [Id(0)] public string? ClientId { get; set; }
    [Id(1)] public BroadcastDefinition? Definition { get; set; }
    [Id(2)] public BroadcastStatus Status { get; set; }
    [Id(3)] public string? FailureReason { get; set; }
    [Id(4)] public bool RequiresApproval { get; set; }
    [Id(5)] public DateTimeOffset? ApprovedAt { get; set; }
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public DateTimeOffset? StartedAt { get; set; }
    [Id(8)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(9)] public string Encoding { get; set; } = "GSM7";
    [Id(10)] public int SegmentsPerMessage { get; set; }
    [Id(11)] public long RecipientCount { get; set; }
    [Id(12)] public long InvalidCount { get; set; }
    [Id(13)] public long DuplicateCount { get; set; }
    [Id(14)] public decimal EstimatedCredits { get; set; }
    [Id(15)] public List<CountryBreakdown> Breakdown { get; set; } = [];
    [Id(16)] public PartitionProgress?[] Prepared { get; set; } = [];
    [Id(17)] public List<RunState> Runs { get; set; } = [];
    [Id(18)] public DateTimeOffset? NextRunAt { get; set; }
    [Id(19)] public bool RefundFailed { get; set; }
    [Id(20)] public long ReplyCount { get; set; }
    /// <summary>Planned and stored, but the create has not committed (answered): invisible, and rolled back if it never does.</summary>
    [Id(21)] public bool Creating { get; set; }
    /// <summary>The SHA-256 of the keyed create's body, so a retried create of this id can tell the same request from another.</summary>
    [Id(22)] public byte[]? RequestHash { get; set; }
    /// <summary>A hold asked of the wallet that no run records yet: stored before the wallet call, so a crash never strands it.</summary>
    [Id(23)] public PendingHold? PendingHold { get; set; }
    /// <summary>Holds undone so far: each undone hold gives the next one a fresh operation id (the wallet answers a used id "held").</summary>
    [Id(24)] public int HoldAttempts { get; set; }
    [Id(25)] public RunTotals Dropped { get; set; } = new();

    /// <summary>A year of a series every 15 minutes is 35,040 runs; a hundred are what a client reads back.</summary>
    public const int RunsKept = 100;

    public bool Exists => ClientId is not null;

    public int PartitionCount => Prepared.Length;

    /// <summary>Every run so far, the dropped ones included: the next run is number <c>RunCount + 1</c>.</summary>
    public int RunCount => Dropped.Runs + Runs.Count;

    public RunState? LatestRun => Runs.Count > 0 ? Runs[^1] : null;

    public RunState? RunOf(int run)
    {
        var index = run - Dropped.Runs - 1;
        return index >= 0 && index < Runs.Count ? Runs[index] : null;
    }

    /// <summary>
    /// Drops the oldest runs beyond <see cref="RunsKept"/>, as long as they are over (not active, every partition done):
    /// a run still sending or settling stays, with everything after it.
    /// </summary>
    public void DropOldRuns()
    {
        var drop = 0;
        while (Runs.Count - drop > RunsKept && IsOver(Runs[drop]))
        {
            Dropped.Add(Runs[drop]);
            drop++;
        }
        Runs.RemoveRange(0, drop);
    }

    /// <summary>Over: settled, and the wallet told to forget it (else its account would stay in the wallet for ever).</summary>
    static bool IsOver(RunState run) =>
        !run.IsActive && (run.Partitions.Length == 0 || (run.AllPartitionsDone && run.WalletClosed));
}
