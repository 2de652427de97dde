namespace BroadcastGrains.Broadcasts;

/// <summary>What the runs dropped from a broadcast's state added up to, so its totals stay right without them.</summary>
[GenerateSerializer, Alias("run-totals")]
public sealed class RunTotals
{
    [Id(0)] public int Runs { get; set; }
    [Id(1)] public decimal Captured { get; set; }
    [Id(2)] public decimal Refunded { get; set; }
    [Id(3)] public decimal StillHeld { get; set; }
    [Id(4)] public int Completed { get; set; }

    public void Add(RunState run)
    {
        Runs++;
        Completed += run.Status == BroadcastStatus.Completed ? 1 : 0;
        Captured += run.Captured;
        Refunded += run.Refunded;
        StillHeld += run.StillHeld;
    }
}
