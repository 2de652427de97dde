namespace BroadcastGrains.Partitions;

/// <summary>
/// When the pump acts: how often it ticks, when it reports, stores, and scans for timeouts, and how large a batch may
/// be. The grain asks; this keeps the clock marks between ticks, so the decisions are tested without a timer.
/// </summary>
internal sealed class PumpSchedule
{
    public static readonly TimeSpan BusyPeriod = TimeSpan.FromMilliseconds(10);
    public static readonly TimeSpan IdlePeriod = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan ReportRetryPeriod = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan WriteEvery = TimeSpan.FromSeconds(2);

    /// <summary>With a journal every change is durable at once; the snapshot only bounds how much a resume replays.</summary>
    public static readonly TimeSpan JournaledWriteEvery = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan TimeoutScanEvery = TimeSpan.FromSeconds(5);

    DateTimeOffset _lastReport, _lastWrite, _lastTimeoutScan;
    long _reportedVersion = -1;

    /// <summary>True once the broadcast has taken <paramref name="version"/>.</summary>
    public bool IsReported(long version) => _reportedVersion == version;

    /// <summary>A report is due when something changed since the last one, at most every <see cref="ReportEvery"/> unless forced.</summary>
    public bool ReportDue(long version, DateTimeOffset now, bool force) =>
        _reportedVersion != version && (force || now - _lastReport >= ReportEvery);

    public void Reported(long version, DateTimeOffset now) => (_reportedVersion, _lastReport) = (version, now);

    /// <summary>Reports may have died with the broadcast's silo: the next one is sent whatever the version.</summary>
    public void ForgetReport() => _reportedVersion = -1;

    /// <summary>A snapshot is due every few seconds, less often when a journal already holds every change.</summary>
    public bool WriteDue(DateTimeOffset now, bool journaled, bool force) =>
        force || now - _lastWrite >= (journaled ? JournaledWriteEvery : WriteEvery);

    public void Written(DateTimeOffset now) => _lastWrite = now;

    /// <summary>
    /// A timeout scan reads every recipient, so it runs every <see cref="TimeoutScanEvery"/> at most, and only while
    /// some recipient can still time out; answers true and marks the scan as done.
    /// </summary>
    public bool TakeTimeoutScan(long waiting, DateTimeOffset now)
    {
        if (waiting == 0 || now - _lastTimeoutScan < TimeoutScanEvery)
        {
            return false;
        }
        _lastTimeoutScan = now;
        return true;
    }

    /// <summary>Makes the next tick scan for timeouts (the validity just passed: what is left expires now).</summary>
    public void ScanSoon() => _lastTimeoutScan = default;

    /// <summary>True when the run's validity, counted from its start, has passed: nothing more is sent.</summary>
    public static bool PastValidity(DateTimeOffset now, DateTimeOffset started, int validityMinutes) =>
        now - started >= TimeSpan.FromMinutes(validityMinutes);

    /// <summary>The next batch's size before pacing: a full batch, or what is left.</summary>
    public static int BatchSize(long pending, int submitBatchSize) => (int)Math.Min(submitBatchSize, pending);

    /// <summary>
    /// The pump's next period: a done partition ticks only to report again (its last report failed); a paced one
    /// sleeps as long as the broadcast said; otherwise fast while there is something to send, slowly when not.
    /// </summary>
    public static TimeSpan NextPeriod(bool done, TimeSpan? pacedWait, bool sent) =>
        done ? ReportRetryPeriod : pacedWait ?? (sent ? BusyPeriod : IdlePeriod);
}
