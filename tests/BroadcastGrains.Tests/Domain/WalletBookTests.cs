using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Domain;

/// <summary>
/// The wallet's rules without Orleans: every operation is applied once, by (source, sequence) within an open run;
/// captures and refunds answer what they moved; a closed run is forgotten, and nothing sent for it afterwards moves
/// money; a decision changes only the copy it returns.
/// </summary>
public sealed class WalletBookTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    readonly List<LedgerEntry> _paged = [];
    WalletState _state = new();

    /// <summary>
    /// Decides one operation and, like a successful write, makes its result the state; full ledger pages move out of
    /// the state as the grain moves them to page grains.
    /// </summary>
    T Apply<T>(Func<WalletBook, T> operation)
    {
        var book = new WalletBook(_state, Now);
        var result = operation(book);
        _state = book.Next ?? _state;
        if (_state.OpenPage.Count >= WalletGrain.PageSize)
        {
            _paged.AddRange(_state.OpenPage);
            _state.OpenPage.Clear();
        }
        return result;
    }

    WalletView View => new WalletBook(_state, Now).View();

    static WalletOperation Capture(string source, long sequence, decimal amount, string broadcast = "b1", int run = 1) =>
        new($"{source}/capture/{sequence}", broadcast, amount, run, source, sequence);

    static WalletOperation Refund(string source, long sequence, decimal amount, string broadcast = "b1", int run = 1) =>
        new($"{source}/refund/{sequence}", broadcast, amount, run, source, sequence);

    [Fact]
    public void A_retried_capture_after_20000_other_operations_is_not_applied_twice()
    {
        Apply(b => b.TopUp("opening", 1_000m));
        Apply(b => b.Hold(new WalletOperation("b1/hold/1", "b1", 500m)));
        var first = Apply(b => b.Capture(Capture("b1/1/0", 0, 1m)));
        for (var i = 1; i <= 20_000; i++)
        {
            Apply(b => b.Capture(Capture("b1/1/1", i, 0.01m)));
        }

        var retried = Apply(b => b.Capture(Capture("b1/1/0", 0, 1m)));

        Assert.Equal((1m, false), (first.Applied, first.Repeated));
        Assert.Equal((1m, true), (retried.Applied, retried.Repeated));
        Assert.Equal((1_000m - 201m, 500m - 201m), (View.Balance, View.Held));
        AssertAddsUp();
    }

    [Fact]
    public void A_hold_undone_before_any_charge_is_taken_again_by_the_retry_under_its_new_operation_id()
    {
        Apply(b => b.TopUp("opening", 10m));
        Apply(b => b.Hold(new WalletOperation("b1/hold/1", "b1", 6m)));
        Assert.Equal(6m, Apply(b => b.Release("b1/unhold/1/0", "b1", 1)));

        var repeat = Apply(b => b.Hold(new WalletOperation("b1/hold/1", "b1", 6m)));
        Assert.True(repeat.Held);
        Assert.Equal(0m, View.Held); // the first attempt's own repeat takes nothing again
        var retry = Apply(b => b.Hold(new WalletOperation("b1/hold/1/1", "b1", 6m)));

        Assert.True(retry.Held);
        Assert.Equal((10m, 6m), (View.Balance, View.Held));
        Assert.Equal(2m, Apply(b => b.Capture(Capture("p", 0, 2m))).Applied);
        AssertAddsUp();
    }

    [Fact]
    public void A_decision_changes_only_its_copy_so_a_failed_write_leaves_the_wallet_as_it_was_and_the_retry_applies_once()
    {
        Apply(b => b.TopUp("opening", 10m));
        Apply(b => b.Hold(new WalletOperation("b1/hold/1", "b1", 6m)));
        var before = View;

        var lost = new WalletBook(_state, Now);
        Assert.Equal(2m, lost.Capture(Capture("p", 0, 2m)).Applied);
        Assert.Equal((8m, 4m), (lost.Next!.Balance, lost.Next.Held));

        // The write failed: the state was never replaced.
        Assert.Equal(before, View);
        var retried = Apply(b => b.Capture(Capture("p", 0, 2m)));
        var again = Apply(b => b.Capture(Capture("p", 0, 2m)));
        Assert.Equal((2m, false, 2m, true), (retried.Applied, retried.Repeated, again.Applied, again.Repeated));
        Assert.Equal((8m, 4m), (View.Balance, View.Held));
        AssertAddsUp();
    }

    [Fact]
    public void A_capture_over_what_the_run_holds_applies_the_rest_of_the_hold_and_its_retry_answers_the_same()
    {
        Apply(b => b.TopUp("opening", 20m));
        Apply(b => b.Hold(new WalletOperation("b1/hold/1", "b1", 5m)));
        Apply(b => b.Hold(new WalletOperation("b2/hold/1", "b2", 5m)));

        var capped = Apply(b => b.Capture(Capture("p", 0, 7m)));
        var retried = Apply(b => b.Capture(Capture("p", 0, 7m)));
        var nothingLeft = Apply(b => b.Capture(Capture("p", 1, 1m)));

        Assert.Equal((5m, 5m, 0m), (capped.Applied, retried.Applied, nothingLeft.Applied));
        // The other broadcast's hold is untouched.
        Assert.Equal((15m, 5m), (View.Balance, View.Held));
        AssertAddsUp();
    }

    [Fact]
    public void A_refund_never_gives_back_more_than_the_run_was_charged()
    {
        Apply(b => b.TopUp("opening", 20m));
        Apply(b => b.Hold(new WalletOperation("b1/hold/1", "b1", 10m)));
        Apply(b => b.Hold(new WalletOperation("b2/hold/1", "b2", 10m)));
        Apply(b => b.Capture(Capture("b1/1/0", 0, 3m)));
        Apply(b => b.Capture(Capture("b2/1/0", 0, 6m, "b2")));

        var partly = Apply(b => b.Refund(Refund("b1/1/0", 0, 2m)));
        var capped = Apply(b => b.Refund(Refund("b1/1/0", 1, 5m)));
        var retried = Apply(b => b.Refund(Refund("b1/1/0", 1, 5m)));

        Assert.Equal((2m, 1m, 1m, true), (partly.Applied, capped.Applied, retried.Applied, retried.Repeated));
        Assert.Equal(20m - 6m, View.Balance);
        AssertAddsUp();
    }

    [Fact]
    public void A_run_holds_once_and_releases_once()
    {
        Apply(b => b.TopUp("opening", 10m));
        var held = Apply(b => b.Hold(new WalletOperation("b1/hold/1", "b1", 4m)));
        var heldAgain = Apply(b => b.Hold(new WalletOperation("b1/hold/1", "b1", 4m)));
        var otherRun = Apply(b => b.Hold(new WalletOperation("b1/hold/2", "b1", 3m, Run: 2)));
        Apply(b => b.Capture(Capture("b1/1/0", 0, 1m)));

        var released = Apply(b => b.Release("b1/release/1", "b1", 1));
        var releasedAgain = Apply(b => b.Release("b1/release/1", "b1", 1));

        Assert.True(held.Held && heldAgain.Held && otherRun.Held);
        Assert.Equal((6m, 4m), (heldAgain.Available, heldAgain.Requested));
        Assert.Equal((3m, 3m), (released, releasedAgain));
        Assert.Equal((9m, 3m), (View.Balance, View.Held));
        AssertAddsUp();
    }

    [Fact]
    public void A_closed_run_is_forgotten_and_nothing_sent_for_it_later_moves_money()
    {
        Apply(b => b.TopUp("opening", 100m));
        for (var run = 1; run <= 50; run++)
        {
            var r = run;
            Apply(b => b.Hold(new WalletOperation($"b1/hold/{r}", "b1", 2m, r)));
            for (var partition = 0; partition < 10; partition++)
            {
                var source = $"b1/{r}/{partition}";
                Apply(b => b.Capture(Capture(source, 0, 0.1m, run: r)));
                Apply(b => b.Refund(Refund(source, 0, 0.05m, run: r)));
            }
            Apply(b => b.Release($"b1/release/{r}", "b1", r));
            Apply(b => b.Close("b1", r));
        }
        Assert.Empty(_state.Runs);
        var settled = View;

        // Late copies of anything the closed runs sent: each moves nothing.
        var capture = Apply(b => b.Capture(Capture("b1/7/0", 0, 0.1m, run: 7)));
        var newCapture = Apply(b => b.Capture(Capture("b1/7/0", 1, 0.1m, run: 7)));
        var refund = Apply(b => b.Refund(Refund("b1/7/0", 1, 0.05m, run: 7)));
        var release = Apply(b => b.Release("b1/release/7", "b1", 7));
        Apply(b => b.Close("b1", 7));

        Assert.Equal((0m, 0m, 0m, 0m), (capture.Applied, newCapture.Applied, refund.Applied, release));
        Assert.Equal(settled, View);
        Assert.Equal((100m - 25m, 0m), (View.Balance, View.Held));
        AssertAddsUp();
    }

    [Fact]
    public void Closing_a_run_that_still_holds_releases_it_first()
    {
        Apply(b => b.TopUp("opening", 10m));
        Apply(b => b.Hold(new WalletOperation("b1/hold/1", "b1", 4m)));

        var released = Apply(b => b.Close("b1", 1));

        Assert.Equal(4m, released);
        Assert.Equal((10m, 0m), (View.Balance, View.Held));
        Assert.Empty(_state.Runs);
        AssertAddsUp();
    }

    /// <summary>The ledger sums to the balances, held is what the open runs hold, and balance = available + held.</summary>
    void AssertAddsUp()
    {
        var ledger = _paged.Concat(_state.OpenPage).ToList();
        Assert.Equal(_state.Balance, ledger.Sum(e => e.Amount));
        Assert.Equal(_state.Held, ledger.Sum(e => e.HeldDelta));
        Assert.Equal(_state.Held, _state.Runs.Values.Sum(r => r.Held));
        Assert.Equal(Enumerable.Range(0, ledger.Count).Select(i => (long)i), ledger.Select(e => e.Sequence));
        Assert.Equal(View.Balance, View.Available + View.Held);
    }
}
