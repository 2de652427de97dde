using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Partitions;

/// <summary>The pump: one grain timer that sends, times out silent messages, settles money and reports.</summary>
internal sealed partial class RecipientPartitionGrain
{
    static readonly TimeSpan BusyPeriod = TimeSpan.FromMilliseconds(10);
    static readonly TimeSpan IdlePeriod = TimeSpan.FromMilliseconds(250);
    static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);
    static readonly TimeSpan WriteEvery = TimeSpan.FromSeconds(2);
    static readonly TimeSpan TimeoutScanEvery = TimeSpan.FromSeconds(5);

    IGrainTimer? pump;
    bool busy;
    DateTimeOffset lastReport, lastWrite, lastTimeoutScan;
    long reportedVersion = -1;

    void EnsurePump()
    {
        if (pump is null && State.Phase != PartitionPhase.Done)
        {
            pump = this.RegisterGrainTimer(PumpAsync,
                new GrainTimerCreationOptions(TimeSpan.Zero, BusyPeriod) { KeepAlive = true });
            busy = true;
        }
    }

    async Task PumpAsync(CancellationToken cancellationToken)
    {
        var sent = State.Phase == PartitionPhase.Sending && await SendSomeAsync(cancellationToken);
        ScanTimeouts();
        await SettleMoneyAsync();

        var finished = State.AllFinal && State.Phase is PartitionPhase.Sending or PartitionPhase.Cancelled
            && State.MoneySettled;
        if (finished)
        {
            State.Phase = PartitionPhase.Done;
            State.Version++;
        }
        await ReportAsync(force: finished);
        await PersistAsync(force: finished);
        if (finished)
        {
            pump?.Dispose();
            pump = null;
            return;
        }
        if (sent != busy)
        {
            busy = sent;
            pump?.Change(busy ? BusyPeriod : IdlePeriod, busy ? BusyPeriod : IdlePeriod);
        }
    }

    void ScanTimeouts()
    {
        var now = time.GetUtcNow();
        if (State.Counts[(int)RecipientStatus.Sent] == 0 || now - lastTimeoutScan < TimeoutScanEvery)
        {
            return;
        }
        lastTimeoutScan = now;
        var nowSeconds = SecondsSinceCreated();
        var deadline = nowSeconds - (options.Value.ReceiptWindowMinutes * 60);
        for (var i = 0; i < State.Statuses.Length; i++)
        {
            if ((RecipientStatus)State.Statuses[i] == RecipientStatus.Sent && State.UpdatedAt[i] <= deadline)
            {
                State.SetStatus(i, RecipientStatus.Timeout, nowSeconds);
                State.Errors[i] = (byte)RecipientError.NoReceipt;
                OweRefund(i);
            }
        }
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
        if (force || now - lastWrite >= WriteEvery)
        {
            await partition.WriteStateAsync();
            lastWrite = now;
        }
    }
}
