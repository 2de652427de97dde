using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Domain;

/// <summary>Issue 20 item 6: <c>wallet.low_balance</c> once per crossing below <c>lowBalanceAlert</c>.</summary>
public sealed class LowBalanceWatchTests
{
    [Fact]
    public void Falling_below_alerts_once_and_staying_below_does_not_alert_again()
    {
        var first = LowBalanceWatch.Next(alerted: false, available: 4m, threshold: 5m);
        var second = LowBalanceWatch.Next(first.Alerted, available: 3m, threshold: 5m);

        Assert.Equal((true, true), first);
        Assert.Equal((false, true), second);
    }

    [Fact]
    public void Coming_back_to_the_threshold_re_arms_so_the_next_fall_alerts_again()
    {
        var back = LowBalanceWatch.Next(alerted: true, available: 5m, threshold: 5m);
        var fallsAgain = LowBalanceWatch.Next(back.Alerted, available: 4.9999m, threshold: 5m);

        Assert.Equal((false, false), back);
        Assert.Equal((true, true), fallsAgain);
    }

    [Fact]
    public void Without_a_threshold_nothing_alerts_or_re_arms()
    {
        Assert.Equal((false, true), LowBalanceWatch.Next(alerted: true, available: 100m, threshold: null));
        Assert.Equal((false, false), LowBalanceWatch.Next(alerted: false, available: -5m, threshold: null));
    }
}
