using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Partitions;

/// <summary>The pump: one grain timer that sends, times out silent messages, settles money and reports.</summary>
internal sealed partial class RecipientPartitionGrain
{
    static readonly TimeSpan BusyPeriod = TimeSpan.FromMilliseconds(10);
    static readonly TimeSpan IdlePeriod = TimeSpan.FromMilliseconds(250);
    static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);
    static readonly TimeSpan ReportRetryPeriod = TimeSpan.FromSeconds(1);
    static readonly TimeSpan WriteEvery = TimeSpan.FromSeconds(2);

    // With a journal every change is durable at once; the snapshot only bounds how much a resume replays.
    static readonly TimeSpan JournaledWriteEvery = TimeSpan.FromSeconds(10);
    static readonly TimeSpan TimeoutScanEvery = TimeSpan.FromSeconds(5);

    IGrainTimer? pump;
    TimeSpan currentPeriod;
    DateTimeOffset lastReport, lastWrite, lastTimeoutScan;
    long reportedVersion = -1;

    /// <summary>Done and reported needs no pump; done and not yet reported still pumps, to tell the broadcast.</summary>
    bool NeedsPump => State.Phase != PartitionPhase.Done || reportedVersion != State.Version;

    void EnsurePump()
    {
        if (pump is null && NeedsPump)
        {
            pump = this.RegisterGrainTimer(PumpAsync,
                new GrainTimerCreationOptions(TimeSpan.Zero, BusyPeriod) { KeepAlive = true });
            currentPeriod = BusyPeriod;
            metrics.PartitionStarted();
        }
    }

    async Task PumpAsync(CancellationToken cancellationToken)
    {
        var sent = State.Phase == PartitionPhase.Sending && await SendSomeAsync(cancellationToken);
        ScanTimeouts();
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
        var period = done ? ReportRetryPeriod : pacedWait ?? (sent ? BusyPeriod : IdlePeriod);
        pacedWait = null;
        if (period != currentPeriod)
        {
            currentPeriod = period;
            pump?.Change(period, period);
        }
    }

    void StopPump()
    {
        if (pump is not null)
        {
            pump.Dispose();
            pump = null;
            metrics.PartitionStopped();
        }
    }

    /// <summary>
    /// Ends what can no longer be delivered: past the validity (from the run's start) a message not yet sent expires
    /// uncharged and a sent one without a receipt expires charged; past the receipt window a sent one times out.
    /// </summary>
    void ScanTimeouts()
    {
        var now = time.GetUtcNow();
        var waiting = State.Counts[(int)RecipientStatus.Sent] + State.Counts[(int)RecipientStatus.Pending];
        if (waiting == 0 || State.StartedAt is not { } started || now - lastTimeoutScan < TimeoutScanEvery)
        {
            return;
        }
        lastTimeoutScan = now;
        var nowSeconds = SecondsSinceCreated();
        var receiptDeadline = nowSeconds - (options.Value.ReceiptWindowMinutes * 60);
        var expired = now - started >= TimeSpan.FromMinutes(Slice.Message.ValidityMinutes);
        int expiredCount = 0, timedOut = 0;
        for (var i = 0; i < State.Statuses.Length; i++)
        {
            var status = (RecipientStatus)State.Statuses[i];
            if (expired && status is RecipientStatus.Pending or RecipientStatus.Sent)
            {
                State.SetStatus(i, RecipientStatus.Expired, nowSeconds);
                expiredCount++;
                State.Errors[i] = (byte)(status == RecipientStatus.Sent ? RecipientError.Expired : RecipientError.ExpiredUnsent);
                if (status == RecipientStatus.Sent)
                {
                    OweRefund(i);
                }
                NoteMessageEvent(i);
            }
            else if (status == RecipientStatus.Sent && State.UpdatedAt[i] <= receiptDeadline)
            {
                State.SetStatus(i, RecipientStatus.Timeout, nowSeconds);
                timedOut++;
                State.Errors[i] = (byte)RecipientError.NoReceipt;
                OweRefund(i);
                NoteMessageEvent(i);
            }
        }
        metrics.MessagesCompleted(RecipientStatus.Expired, expiredCount);
        metrics.MessagesCompleted(RecipientStatus.Timeout, timedOut);
    }

    async Task ReportAsync(bool force)
    {
        var now = time.GetUtcNow();
        if (reportedVersion == State.Version || (!force && now - lastReport < ReportEvery))
        {
            return;
        }
        try
        {
            var progress = Progress();
            await GrainFactory.GetGrain<IBroadcastProgressGrain>(Slice.BroadcastId).ReportAsync(progress);
            reportedVersion = progress.Version;
            lastReport = now;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ReportFailed(logger, Key, e);
        }
    }

    async Task PersistAsync(bool force)
    {
        var now = time.GetUtcNow();
        if (force || now - lastWrite >= (State.Changed is null ? WriteEvery : JournaledWriteEvery))
        {
            await StoreAsync();
            lastWrite = now;
        }
    }
}
