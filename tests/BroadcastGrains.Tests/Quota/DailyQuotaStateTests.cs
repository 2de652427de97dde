using BroadcastGrains.Limits;

namespace BroadcastGrains.Tests.Quota;

/// <summary>The daily quota book: a run counts once on its day, gives back its unsent part once, and a new day starts empty.</summary>
public sealed class DailyQuotaStateTests
{
    static readonly DateOnly Monday = new(2026, 12, 7);

    static DailyQuotaState Book()
    {
        var book = new DailyQuotaState();
        book.TurnTo(Monday);
        return book;
    }

    [Fact]
    public void Runs_count_until_the_next_would_pass_the_quota_and_a_run_that_fits_exactly_is_allowed()
    {
        var book = Book();

        Assert.True(book.TryReserve("bc-1/run/1", 20, 30));
        Assert.False(book.TryReserve("bc-1/run/2", 20, 30));
        Assert.True(book.TryReserve("bc-2/run/1", 10, 30));
        Assert.Equal(30, book.Used);
    }

    [Fact]
    public void A_retried_reserve_of_the_same_run_counts_once()
    {
        var book = Book();
        book.TryReserve("bc-1/run/1", 20, 30);

        Assert.True(book.TryReserve("bc-1/run/1", 20, 30));
        Assert.Equal(20, book.Used);
    }

    [Fact]
    public void A_cancelled_run_gives_back_its_unsent_part_once_and_keeps_what_was_sent()
    {
        var book = Book();
        book.TryReserve("bc-1/run/1", 20, 30);

        Assert.Equal(15, book.Release("bc-1/run/1", 15));
        Assert.Equal(0, book.Release("bc-1/run/1", 15));
        Assert.Equal(5, book.Used);
        Assert.True(book.TryReserve("bc-1/run/1", 20, 30), "the run stays counted: a retried reserve changes nothing");
        Assert.Equal(5, book.Used);
        Assert.True(book.TryReserve("bc-2/run/1", 25, 30));
    }

    [Fact]
    public void A_run_that_gives_back_everything_is_forgotten_so_a_retried_start_counts_again()
    {
        var book = Book();
        book.TryReserve("bc-1/run/1", 20, 30);

        Assert.Equal(20, book.Release("bc-1/run/1", 20));
        Assert.Equal(0, book.Used);
        Assert.True(book.TryReserve("bc-1/run/1", 20, 30));
        Assert.Equal(20, book.Used);
    }

    [Fact]
    public void A_give_back_never_exceeds_what_the_run_counted_and_an_unknown_run_gives_back_nothing()
    {
        var book = Book();
        book.TryReserve("bc-1/run/1", 20, 30);
        book.TryReserve("bc-2/run/1", 5, 30);

        Assert.Equal(0, book.Release("bc-3/run/1", 10));
        Assert.Equal(20, book.Release("bc-1/run/1", 1000));
        Assert.Equal(5, book.Used);
    }

    [Fact]
    public void The_next_UTC_day_starts_an_empty_book_and_an_earlier_days_run_gives_back_nothing_to_it()
    {
        var book = Book();
        book.TryReserve("bc-1/run/1", 30, 30);
        Assert.False(book.TryReserve("bc-1/run/2", 1, 30));

        Assert.True(book.TurnTo(Monday.AddDays(1)));
        Assert.False(book.TurnTo(Monday.AddDays(1)));

        Assert.Equal(0, book.Used);
        Assert.Equal(0, book.Release("bc-1/run/1", 30));
        Assert.True(book.TryReserve("bc-1/run/2", 30, 30));
        Assert.Equal(30, book.Used);
    }

    [Fact]
    public void A_run_with_nobody_to_send_to_always_fits()
    {
        var book = Book();
        book.TryReserve("bc-1/run/1", 30, 30);

        Assert.True(book.TryReserve("bc-2/run/1", 0, 30));
    }
}
