using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Partitions;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>A precheck's answer: the plan's counts and price set against what the wallet has available.</summary>
public sealed class PrecheckViewsTests
{
    [Fact]
    public void The_balance_after_is_what_is_available_minus_the_credits()
    {
        var view = PrecheckViews.Of(Plan(credits: 30m), new WalletView(Balance: 100m, Held: 60m, "EUR"));

        Assert.Equal((100m, 10m, true, "EUR"), (view.WalletBalance, view.BalanceAfter, view.SufficientBalance, view.WalletCurrency));
    }

    [Fact]
    public void Credits_beyond_what_is_available_are_insufficient_even_within_the_balance()
    {
        var view = PrecheckViews.Of(Plan(credits: 50m), new WalletView(Balance: 100m, Held: 60m, "EUR"));

        Assert.Equal((-10m, false), (view.BalanceAfter, view.SufficientBalance));
    }

    [Fact]
    public void Opted_out_and_unroutable_add_up_over_the_partitions_and_countries_are_counted_once()
    {
        var view = PrecheckViews.Of(Plan(credits: 1m), new WalletView(10m, 0m, "EUR"));

        Assert.Equal((3L, 5L, 2, 12L), (view.OptedOut, view.UnroutableCount, view.Countries, view.TotalSegments));
        Assert.Equal(["+999"], view.Unroutable);
    }

    static BroadcastPlan Plan(decimal credits)
    {
        var state = States.Of(BroadcastStatus.Draft, credits: credits);
        state.Prepared = [Counts(0, optedOut: 1, blocked: 2), Counts(1, optedOut: 2, blocked: 3)];
        state.Breakdown = [new CountryBreakdown("US", 5, 5, 0.5m, 0.1m), new CountryBreakdown("DE", 1, 1, 0.1m, 0.1m)];
        return new BroadcastPlan(state, new ClientProfile { Id = "client-1", Name = "Client" }, 12, ["+999"], null);
    }

    static PartitionProgress Counts(int partition, long optedOut, long blocked)
    {
        var counts = new long[RecipientStatuses.Count];
        (counts[(int)RecipientStatus.OptedOut], counts[(int)RecipientStatus.Blocked]) = (optedOut, blocked);
        return new PartitionProgress(partition, -1, counts, 0, 0, false);
    }
}
