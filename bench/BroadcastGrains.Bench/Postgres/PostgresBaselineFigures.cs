namespace BroadcastGrains.Bench.Postgres;

/// <summary>What <see cref="PostgresBaseline"/> measured.</summary>
internal sealed record PostgresBaselineFigures(TimeSpan Copy, TimeSpan Updates, double PageP50Ms, double PageP99Ms)
{
    public TimeSpan Total => Copy + Updates;
}
