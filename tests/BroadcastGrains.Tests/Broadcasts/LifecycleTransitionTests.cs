using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>API.md's answer to every lifecycle command in every status: allowed, or refused with its code.</summary>
public sealed class LifecycleTransitionTests
{
    const string Ok = "";
    const string Invalid = ErrorCodes.InvalidState;

    // status, cancel, pause, resume, approve, send-now, patch
    public static TheoryData<BroadcastStatus, string, string, string, string, string, string> Table => new()
    {
        { BroadcastStatus.Draft, Ok, Invalid, Invalid, Invalid, Ok, Ok },
        { BroadcastStatus.PendingApproval, Ok, Invalid, Invalid, Ok, ErrorCodes.NotScheduled, Ok },
        { BroadcastStatus.Scheduled, Ok, Invalid, Invalid, Invalid, Ok, Ok },
        { BroadcastStatus.Sending, Ok, Ok, Invalid, Invalid, ErrorCodes.NotScheduled, Invalid },
        { BroadcastStatus.Paused, Ok, Invalid, Ok, Invalid, ErrorCodes.NotScheduled, Invalid },
        { BroadcastStatus.Completed, ErrorCodes.AlreadyProcessing, Invalid, Invalid, Invalid, ErrorCodes.NotScheduled, Invalid },
        { BroadcastStatus.Cancelled, ErrorCodes.AlreadyCancelled, Invalid, Invalid, Invalid, ErrorCodes.NotScheduled, Invalid },
        { BroadcastStatus.Failed, Invalid, Invalid, Invalid, Invalid, ErrorCodes.NotScheduled, Invalid },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_command_is_allowed_or_refused_with_its_code(BroadcastStatus status,
        string cancel, string pause, string resume, string approve, string sendNow, string patch)
    {
        var lifecycle = new BroadcastLifecycle(States.Of(status));

        Assert.Equal(cancel, lifecycle.RefuseCancel()?.Code ?? Ok);
        Assert.Equal(pause, lifecycle.RefusePause()?.Code ?? Ok);
        Assert.Equal(resume, lifecycle.RefuseResume()?.Code ?? Ok);
        Assert.Equal(approve, lifecycle.RefuseApproval()?.Code ?? Ok);
        Assert.Equal(sendNow, lifecycle.RefuseSendNow()?.Code ?? Ok);
        Assert.Equal(patch, lifecycle.RefusePatch(new BroadcastPatch { Name = "renamed" })?.Code ?? Ok);
    }

    [Fact]
    public void The_table_covers_every_status_a_broadcast_can_have()
    {
        var covered = Table.Select(row => (BroadcastStatus)row[0]).ToHashSet();
        Assert.Equal(Enum.GetValues<BroadcastStatus>().Where(s => s != BroadcastStatus.Skipped), covered.Order());
    }

    [Fact]
    public void A_refusal_names_the_status_it_met()
    {
        var refused = new BroadcastLifecycle(States.Of(BroadcastStatus.Scheduled)).RefusePause();
        Assert.Equal("a scheduled broadcast cannot be paused", refused!.Detail);
    }

    [Fact]
    public void A_patch_to_send_now_is_refused_on_its_field_pointing_at_send_now()
    {
        var refused = new BroadcastLifecycle(States.Of(BroadcastStatus.Draft)).RefusePatch(new BroadcastPatch { ScheduleMode = ScheduleMode.Now });

        Assert.Equal(ErrorCodes.ValidationFailed, refused!.Code);
        Assert.Contains("send-now", Assert.Single(refused.Errors!["scheduleMode"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ScheduleMode.Now, false, BroadcastStatus.Sending)]
    [InlineData(ScheduleMode.Draft, false, BroadcastStatus.Draft)]
    [InlineData(ScheduleMode.Scheduled, true, BroadcastStatus.Scheduled)]
    [InlineData(ScheduleMode.Recurring, true, BroadcastStatus.Scheduled)]
    [InlineData(ScheduleMode.Drip, false, BroadcastStatus.Sending)]
    [InlineData(ScheduleMode.Drip, true, BroadcastStatus.Scheduled)]
    public void A_schedule_puts_a_broadcast_that_needs_no_approval_where_its_mode_says(ScheduleMode mode, bool at, BroadcastStatus expected)
    {
        var schedule = States.Schedule(mode, at ? States.Now.AddHours(1) : null, mode == ScheduleMode.Recurring ? States.EveryHour : null);
        Assert.Equal(expected, BroadcastLifecycle.StatusOnEntry(schedule));
    }
}
