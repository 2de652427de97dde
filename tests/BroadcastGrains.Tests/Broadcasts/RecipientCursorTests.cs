using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Tests.Broadcasts;

/// <summary>A recipients page's cursor: it reads back as written, and one that does not read starts at the beginning.</summary>
public sealed class RecipientCursorTests
{
    [Fact]
    public void A_cursor_reads_back_the_partition_and_index_it_was_written_with()
    {
        Assert.Equal("12-3456", RecipientCursor.Format(12, 3456));
        Assert.Equal((12, 3456), RecipientCursor.Parse(RecipientCursor.Format(12, 3456)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("-7")]
    [InlineData("a-b")]
    [InlineData("1--2")]
    [InlineData("+1-2")]
    public void A_cursor_that_does_not_read_starts_at_the_beginning(string? cursor) =>
        Assert.Equal((0, 0), RecipientCursor.Parse(cursor));
}
