using System.Collections.Concurrent;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// Loses partitions' progress reports to chosen broadcasts, the two ways a silo's death loses them: refused (calls fail
/// while the broadcast's silo is dead but not yet declared so) or taken and then lost (the broadcast died before it
/// stored them). Installed in every test cluster; it touches only broadcasts a test put under an outage.
/// </summary>
internal sealed class ProgressReportOutage : IOutgoingGrainCallFilter
{
    static readonly ConcurrentDictionary<string, Outage> Outages = new(StringComparer.Ordinal);

    /// <summary>Loses reports to <paramref name="broadcastId"/> until the answer is disposed.</summary>
    public static Outage Begin(string broadcastId, ReportLoss loss) => Outages[broadcastId] = new Outage(broadcastId, loss);

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name != nameof(IBroadcastProgressGrain.ReportAsync)
            || context.InterfaceMethod.DeclaringType != typeof(IBroadcastProgressGrain)
            || !Outages.TryGetValue(context.TargetId.Key.ToString()!, out var outage))
        {
            return context.Invoke();
        }
        outage.Lost((PartitionProgress)context.Request.GetArgument(0)!);
        return outage.Loss == ReportLoss.Refused
            ? throw new InvalidOperationException($"Test outage: the broadcast {outage.BroadcastId} is unreachable.")
            : Task.CompletedTask;
    }

    internal sealed class Outage(string broadcastId, ReportLoss loss) : IDisposable
    {
        int _lostDone;

        public string BroadcastId { get; } = broadcastId;

        public ReportLoss Loss { get; } = loss;

        /// <summary>How many reports saying "partition done" were lost.</summary>
        public int LostDoneReports => Volatile.Read(ref _lostDone);

        public void Lost(PartitionProgress progress)
        {
            if (progress.Done)
            {
                Interlocked.Increment(ref _lostDone);
            }
        }

        public void Dispose() => Outages.TryRemove(BroadcastId, out _);
    }
}

public enum ReportLoss
{
    /// <summary>The call fails: the partition knows its report did not arrive.</summary>
    Refused,

    /// <summary>The call succeeds and the report is gone: the partition believes it arrived.</summary>
    TakenThenLost,
}
