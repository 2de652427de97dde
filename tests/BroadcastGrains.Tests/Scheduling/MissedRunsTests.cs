using BroadcastGrains.Scheduling;

namespace BroadcastGrains.Tests.Scheduling;

/// <summary>Issue 13 item 8: a run that could not start within its validity is skipped, never sent late.</summary>
public sealed class MissedRunsTests
{
    static readonly DateTimeOffset Due = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Validity = TimeSpan.FromMinutes(2880);

    [Fact]
    public void A_run_within_its_validity_still_starts_late_and_one_past_it_is_skipped()
    {
        Assert.False(MissedRuns.IsMissed(Due, null, Due.AddSeconds(1), Validity));
        Assert.False(MissedRuns.IsMissed(Due, null, Due + Validity, Validity));
        Assert.True(MissedRuns.IsMissed(Due, null, Due + Validity + TimeSpan.FromSeconds(1), Validity));
    }

    [Fact]
    public void A_run_whose_next_run_is_also_due_is_skipped_so_an_outage_sends_the_newest_once()
    {
        var next = Due.AddMinutes(15);
        Assert.True(MissedRuns.IsMissed(Due, next, next.AddSeconds(30), Validity));
        Assert.False(MissedRuns.IsMissed(Due, next, next.AddSeconds(-30), Validity));
    }
}
