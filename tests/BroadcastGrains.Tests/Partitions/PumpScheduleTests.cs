using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Partitions;

/// <summary>
/// When the pump acts: a report goes out when something changed, at most every quarter second unless forced; a
/// snapshot every few seconds (fewer with a journal); a timeout scan every five seconds while anything can time out.
/// </summary>
public sealed class PumpScheduleTests
{
    static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    readonly PumpSchedule _schedule = new();

    [Fact]
    public void A_report_is_due_only_for_a_new_version_and_at_most_every_quarter_second_unless_forced()
    {
        Assert.True(_schedule.ReportDue(1, Start, force: false));
        _schedule.Reported(1, Start);

        Assert.False(_schedule.ReportDue(1, Start.AddSeconds(5), force: true));
        Assert.False(_schedule.ReportDue(2, Start.AddMilliseconds(100), force: false));
        Assert.True(_schedule.ReportDue(2, Start.AddMilliseconds(100), force: true));
        Assert.True(_schedule.ReportDue(2, Start.AddMilliseconds(250), force: false));

        Assert.True(_schedule.IsReported(1));
        _schedule.ForgetReport();
        Assert.False(_schedule.IsReported(1));
        Assert.True(_schedule.ReportDue(1, Start.AddMilliseconds(100), force: true));
    }

    [Fact]
    public void A_snapshot_is_due_every_two_seconds_or_every_ten_with_a_journal()
    {
        _schedule.Written(Start);

        Assert.False(_schedule.WriteDue(Start.AddSeconds(1), journaled: false, force: false));
        Assert.True(_schedule.WriteDue(Start.AddSeconds(1), journaled: false, force: true));
        Assert.True(_schedule.WriteDue(Start.AddSeconds(2), journaled: false, force: false));
        Assert.False(_schedule.WriteDue(Start.AddSeconds(9), journaled: true, force: false));
        Assert.True(_schedule.WriteDue(Start.AddSeconds(10), journaled: true, force: false));
    }

    [Fact]
    public void A_timeout_scan_runs_every_five_seconds_while_something_waits_and_at_once_after_the_validity()
    {
        Assert.False(_schedule.TakeTimeoutScan(waiting: 0, Start));
        Assert.True(_schedule.TakeTimeoutScan(waiting: 3, Start));
        Assert.False(_schedule.TakeTimeoutScan(waiting: 3, Start.AddSeconds(4)));
        Assert.True(_schedule.TakeTimeoutScan(waiting: 3, Start.AddSeconds(5)));

        _schedule.ScanSoon();
        Assert.True(_schedule.TakeTimeoutScan(waiting: 3, Start.AddSeconds(6)));
    }

    [Fact]
    public void The_period_is_fast_while_sending_slow_when_idle_and_as_told_when_paced()
    {
        Assert.Equal(PumpSchedule.BusyPeriod, PumpSchedule.NextPeriod(done: false, pacedWait: null, sent: true));
        Assert.Equal(PumpSchedule.IdlePeriod, PumpSchedule.NextPeriod(done: false, pacedWait: null, sent: false));
        Assert.Equal(TimeSpan.FromSeconds(30), PumpSchedule.NextPeriod(done: false, TimeSpan.FromSeconds(30), sent: true));
        Assert.Equal(PumpSchedule.ReportRetryPeriod, PumpSchedule.NextPeriod(done: true, TimeSpan.FromSeconds(30), sent: false));
    }

    [Fact]
    public void Nothing_is_sent_from_the_validity_on_and_a_batch_is_never_larger_than_what_is_pending()
    {
        Assert.False(PumpSchedule.PastValidity(Start.AddMinutes(59), Start, validityMinutes: 60));
        Assert.True(PumpSchedule.PastValidity(Start.AddMinutes(60), Start, validityMinutes: 60));
        Assert.Equal(500, PumpSchedule.BatchSize(pending: 20_000, submitBatchSize: 500));
        Assert.Equal(7, PumpSchedule.BatchSize(pending: 7, submitBatchSize: 500));
    }
}
