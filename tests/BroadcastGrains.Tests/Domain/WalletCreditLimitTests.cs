using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Domain;

/// <summary>
/// Issue 20 item 6: a postpaid client's <c>creditLimit</c> (API.md: <c>available = balance + creditLimit − held</c>),
/// and the ledger still adding up to the balance and held.
/// </summary>
public sealed class WalletCreditLimitTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    WalletState _state = new();

    T Apply<T>(decimal creditLimit, Func<WalletBook, T> operation)
    {
        var book = new WalletBook(_state, Now, creditLimit);
        var result = operation(book);
        _state = book.Next ?? _state;
        return result;
    }

    static WalletOperation Capture(long sequence, decimal amount) => new($"p/capture/{sequence}", "b1", amount, 1, "p", sequence);

    void AssertInvariants(WalletView view, decimal creditLimit)
    {
        Assert.Equal(view.Balance + creditLimit, view.Available + view.Held);
        Assert.Equal(view.Balance, _state.OpenPage.Sum(e => e.Amount));
        Assert.Equal(view.Held, _state.OpenPage.Sum(e => e.HeldDelta));
    }

    [Fact]
    public void A_postpaid_client_holds_and_spends_below_zero_up_to_its_credit_limit()
    {
        Apply(10m, b => b.TopUp("opening", 2m));

        var held = Apply(10m, b => b.Hold(new WalletOperation("b1/hold/1", "b1", 11m)));
        Apply(10m, b => b.Capture(Capture(0, 11m)));
        var view = Apply(10m, b => b.View());

        Assert.True(held.Held);
        Assert.Equal(1m, held.Available);
        Assert.Equal((-9m, 0m, 1m, 10m), (view.Balance, view.Held, view.Available, view.CreditLimit));
        AssertInvariants(view, 10m);
    }

    [Fact]
    public void A_hold_over_balance_plus_credit_limit_is_refused_and_changes_nothing()
    {
        Apply(10m, b => b.TopUp("opening", 2m));

        var refused = Apply(10m, b => b.Hold(new WalletOperation("b1/hold/1", "b1", 12.0001m)));

        Assert.False(refused.Held);
        Assert.Equal(12m, refused.Available);
        Assert.Equal((2m, 0m), (_state.Balance, _state.Held));
        AssertInvariants(Apply(10m, b => b.View()), 10m);
    }

    [Fact]
    public void A_prepaid_client_has_no_credit_and_a_lowered_limit_leaves_less_available()
    {
        Apply(0m, b => b.TopUp("opening", 2m));
        Assert.False(Apply(0m, b => b.Hold(new WalletOperation("b1/hold/1", "b1", 3m))).Held);
        Assert.True(Apply(5m, b => b.Hold(new WalletOperation("b1/hold/1", "b1", 3m))).Held);

        // The operator lowers the limit below what is held: nothing more can be held until credits come in.
        var lowered = Apply(0m, b => b.View());

        Assert.Equal(-1m, lowered.Available);
        Assert.False(Apply(0m, b => b.Hold(new WalletOperation("b2/hold/1", "b2", 0.01m))).Held);
        AssertInvariants(lowered, 0m);
    }
}
