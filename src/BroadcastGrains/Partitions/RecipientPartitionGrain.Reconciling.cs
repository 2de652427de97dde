using BroadcastGrains.Carrier;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Keeps the carriers able to match receipts after a silo died: see <see cref="SentReconciliation"/> for which sent
/// messages are registered again, and <see cref="ISentMessageReconciler"/> for where.
/// </summary>
internal sealed partial class RecipientPartitionGrain
{
    readonly SentReconciliation _reconciliation = new();
    ISentMessageReconciler? _reconciler;
    bool _reconcilerResolved;

    ISentMessageReconciler? Reconciler
    {
        get
        {
            if (!_reconcilerResolved)
            {
                _reconciler = ServiceProvider.GetService<ISentMessageReconciler>() is { IsNeeded: true } needed ? needed : null;
                _reconcilerResolved = true;
            }
            return _reconciler;
        }
    }

    /// <summary>Hands the due sent messages to the carriers; a failure leaves them due for the next turn.</summary>
    async Task ReconcileSentAsync()
    {
        if (Reconciler is not { } reconciler || State.Slice is null)
        {
            return;
        }
        var (due, cutoff) = _reconciliation.Due(State, SecondsSinceCreated());
        if (due.Count == 0)
        {
            _reconciliation.Done(cutoff);
            return;
        }
        var slice = Slice;
        var columns = new RouteColumns(State);
        var count = due.Count;
        var (numbers, segments, ids, connectors) = (new long[count], new byte[count], new string?[count], new string?[count]);
        for (var k = 0; k < count; k++)
        {
            var index = due[k];
            (numbers[k], segments[k]) = (slice.Numbers[index], State.Segments[index]);
            ids[k] = State.CarrierIds?.GetValueOrDefault(index);
            connectors[k] = columns.ConnectorOf(index);
        }
        try
        {
            await reconciler.ReconcileAsync(new SentMessages(Key, slice.Message.From, [.. due], numbers, segments, ids, connectors));
            _reconciliation.Done(cutoff);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ReconcileLog.Failed(logger, Key, count, e);
        }
    }

    static partial class ReconcileLog
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: registering {Count} sent messages again with the carrier failed; will retry")]
        public static partial void Failed(ILogger logger, string partition, int count, Exception exception);
    }
}
