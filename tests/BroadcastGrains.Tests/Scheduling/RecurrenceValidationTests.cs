using BroadcastGrains.Scheduling;

namespace BroadcastGrains.Tests.Scheduling;

public class RecurrenceValidationTests
{
    [Theory]
    [InlineData("FREQ=MONTHLY;BYDAY=-1FR")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE")]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU")]
    [InlineData("FREQ=DAILY;COUNT=3")]
    [InlineData("FREQ=DAILY;UNTIL=20271231T235959Z")]
    [InlineData("FREQ=DAILY;UNTIL=20271231")]
    [InlineData("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1")]
    [InlineData("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO")]
    [InlineData("FREQ=HOURLY;INTERVAL=3;BYHOUR=9,12,15;WKST=SU")]
    [InlineData("rrule:freq=weekly;byday=mo")]
    public void Valid_rules_are_accepted(string rule)
    {
        Assert.Null(Recurrence.Validate(rule));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("RRULE:")]
    [InlineData("FREQ=SOMETIMES")]
    [InlineData("FREQ=3")]
    [InlineData("BYDAY=MO")]
    [InlineData("FREQ=DAILY;;")]
    [InlineData("FREQ=DAILY;COUNT")]
    [InlineData("FREQ=DAILY;FREQ=WEEKLY")]
    [InlineData("FREQ=DAILY;X-SKIP=1")]
    [InlineData("FREQ=DAILY;COUNT=0")]
    [InlineData("FREQ=DAILY;COUNT=+3")]
    [InlineData("FREQ=DAILY;INTERVAL=0")]
    [InlineData("FREQ=DAILY;COUNT=2;UNTIL=20270101T000000Z")]
    [InlineData("FREQ=DAILY;UNTIL=tomorrow")]
    [InlineData("FREQ=DAILY;UNTIL=20271301")]
    [InlineData("FREQ=DAILY;BYMONTH=13")]
    [InlineData("FREQ=DAILY;BYHOUR=24")]
    [InlineData("FREQ=DAILY;BYDAY=XX")]
    [InlineData("FREQ=WEEKLY;BYDAY=1MO")]
    [InlineData("FREQ=MONTHLY;BYDAY=60MO")]
    [InlineData("FREQ=DAILY;BYWEEKNO=1")]
    [InlineData("FREQ=MONTHLY;BYYEARDAY=1")]
    [InlineData("FREQ=WEEKLY;BYMONTHDAY=1")]
    [InlineData("FREQ=MONTHLY;BYSETPOS=-1")]
    public void Invalid_rules_are_rejected_with_a_message(string rule)
    {
        Assert.False(string.IsNullOrWhiteSpace(Recurrence.Validate(rule)));
    }

    [Fact]
    public void The_message_names_the_bad_part()
    {
        Assert.Contains("BYMONTH=13", Recurrence.Validate("FREQ=DAILY;BYMONTH=13"), StringComparison.Ordinal);
        Assert.Contains("FREQ", Recurrence.Validate("BYDAY=MO"), StringComparison.Ordinal);
    }
}
