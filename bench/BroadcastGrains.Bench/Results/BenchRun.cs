using BroadcastGrains.Bench.EndToEnd;
using BroadcastGrains.Bench.Postgres;

namespace BroadcastGrains.Bench.Results;

/// <summary>Everything one run measured: the system per storage mode and the baselines beside it.</summary>
internal sealed record BenchRun(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int Recipients,
    BenchOptions Options,
    MachineFacts Machine,
    string LoadAverageStart,
    string LoadAverageEnd,
    long BodyBytes,
    TimeSpan JsonParse,
    TimeSpan NumberValidationOneCore,
    long NumbersValidated,
    TimeSpan SimulatorAlone,
    long SimulatorReceipts,
    PostgresBaselineFigures? Postgres,
    IReadOnlyList<SystemFigures> Systems);
