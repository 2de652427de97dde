using BroadcastGrains.Carrier.Smpp.Receipts;

namespace BroadcastGrains.Smpp.Tests.Receipts;

public sealed class UnknownReceiptsTests
{
    static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_unknown_id_is_refused_until_its_time_since_the_first_refusal_runs_out_then_accepted()
    {
        var unknown = new UnknownReceipts(TimeSpan.FromMinutes(1));

        Assert.True(unknown.Refuse("a", T0));
        Assert.True(unknown.Refuse("a", T0.AddSeconds(59)));
        Assert.False(unknown.Refuse("a", T0.AddSeconds(60)));
        Assert.Equal(0, unknown.Count);
    }

    [Fact]
    public void A_matched_id_is_no_longer_followed_and_a_later_miss_starts_afresh()
    {
        var unknown = new UnknownReceipts(TimeSpan.FromMinutes(1));
        Assert.True(unknown.Refuse("a", T0));

        unknown.Matched("a");

        Assert.Equal(0, unknown.Count);
        Assert.True(unknown.Refuse("a", T0.AddMinutes(5)));
    }

    [Fact]
    public void Past_its_capacity_a_new_id_is_accepted_unless_expired_ones_make_room()
    {
        var unknown = new UnknownReceipts(TimeSpan.FromMinutes(1), capacity: 2);
        Assert.True(unknown.Refuse("a", T0));
        Assert.True(unknown.Refuse("b", T0.AddSeconds(30)));

        Assert.False(unknown.Refuse("c", T0.AddSeconds(40)));
        Assert.True(unknown.Refuse("d", T0.AddSeconds(61)));
        Assert.Equal(2, unknown.Count);
    }
}
