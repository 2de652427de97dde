using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Partitions;

/// <summary>The pump: one grain timer that sends, times out silent messages, settles money and reports.</summary>
internal sealed partial class RecipientPartitionGrain
{
    readonly PumpSchedule _schedule = new();
    IGrainTimer? _pump;
    TimeSpan _currentPeriod;

    /// <summary>Done and reported needs no pump; done and not yet reported still pumps, to tell the broadcast.</summary>
    bool NeedsPump => !_superseded && (State.Phase != PartitionPhase.Done || !_schedule.IsReported(State.Version));

    void EnsurePump()
    {
        if (_pump is null && NeedsPump)
        {
            _pump = this.RegisterGrainTimer(PumpAsync,
                new GrainTimerCreationOptions(TimeSpan.Zero, PumpSchedule.BusyPeriod) { KeepAlive = true });
            _currentPeriod = PumpSchedule.BusyPeriod;
            metrics.PartitionStarted();
        }
    }

    async Task PumpAsync(CancellationToken cancellationToken)
    {
        var sent = State.Phase == PartitionPhase.Sending && await SendSomeAsync(cancellationToken);
        ScanTimeouts();
        await ReconcileSentAsync();
        await SettleMoneyAsync();
        await RaiseMessageEventsAsync();

        var finished = State.AllFinal && State.Phase is PartitionPhase.Sending or PartitionPhase.Cancelled
            && State.MoneySettled;
        if (finished)
        {
            State.Phase = PartitionPhase.Done;
            State.Version++;
        }
        var done = State.Phase == PartitionPhase.Done;
        await ReportAsync(force: done);
        await PersistAsync(force: finished);
        if (!NeedsPump)
        {
            StopPump();
            return;
        }
        // A done partition whose last report failed (the broadcast's silo is down until the cluster declares it dead)
        // keeps the pump only to report again: the broadcast finishes a run on that report alone.
        var period = PumpSchedule.NextPeriod(done, _pacedWait, sent);
        _pacedWait = null;
        if (period != _currentPeriod)
        {
            _currentPeriod = period;
            _pump?.Change(period, period);
        }
    }

    void StopPump()
    {
        if (_pump is not null)
        {
            _pump.Dispose();
            _pump = null;
            metrics.PartitionStopped();
        }
    }

    /// <summary>Ends what can no longer be delivered (<see cref="SliceLedger.Timeouts"/>), every few seconds.</summary>
    void ScanTimeouts()
    {
        var now = time.GetUtcNow();
        var waiting = State.Counts[(int)RecipientStatus.Sent] + State.Counts[(int)RecipientStatus.Pending];
        if (State.StartedAt is not { } started || !_schedule.TakeTimeoutScan(waiting, now))
        {
            return;
        }
        var nowSeconds = SecondsSinceCreated();
        var receiptDeadline = nowSeconds - (options.Value.ReceiptWindowMinutes * 60);
        var pastValidity = PumpSchedule.PastValidity(now, started, Slice.Message.ValidityMinutes);
        var tally = Ledger.Timeouts(pastValidity, receiptDeadline, nowSeconds);
        metrics.MessagesCompleted(RecipientStatus.Expired, tally.Expired);
        metrics.MessagesCompleted(RecipientStatus.Timeout, tally.TimedOut);
    }

    async Task ReportAsync(bool force)
    {
        var now = time.GetUtcNow();
        if (!_schedule.ReportDue(State.Version, now, force))
        {
            return;
        }
        try
        {
            var progress = Progress();
            await GrainFactory.GetGrain<IBroadcastProgressGrain>(Slice.BroadcastId).ReportAsync(progress);
            _schedule.Reported(progress.Version, now);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ReportFailed(logger, Key, e);
        }
    }

    async Task PersistAsync(bool force)
    {
        var now = time.GetUtcNow();
        if (_schedule.WriteDue(now, journaled: State.Changed is not null, force))
        {
            await StoreAsync();
            _schedule.Written(now);
        }
    }
}
