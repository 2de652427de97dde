using System.Diagnostics;
using BroadcastGrains.Links;

namespace BroadcastGrains.Tests.Links;

/// <summary>Codes are 10 characters, decode to what made them, and say nothing about their neighbours.</summary>
public class LinkCodeTests
{
    const ulong Key = 0x5DEECE66D1234567UL;

    [Theory]
    [InlineData(0L, 0, 0)]
    [InlineData(1L, 0, 1)]
    [InlineData(123_456L, 7, 1_999_999)]
    [InlineData(4_294_967_295L, 63, LinkCode.Aggregate)]
    public void A_code_is_ten_characters_and_decodes_to_its_block_link_and_recipient(long block, int ordinal, int index)
    {
        var code = LinkCode.Encode(Key, block, ordinal, index);

        Assert.Equal(LinkCode.Length, code.Length);
        Assert.True(code.All(char.IsAsciiLetterOrDigit));
        Assert.True(LinkCode.TryDecode(Key, code, out var b, out var o, out var i));
        Assert.Equal((block, ordinal, index), (b, o, i));
    }

    [Fact]
    public void Neighbouring_recipients_never_share_a_code()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < 200_000; index++)
        {
            Assert.True(codes.Add(LinkCode.Encode(Key, 42, index % 3, index)));
        }
    }

    [Fact]
    public void Two_million_codes_are_derived_in_seconds_without_storing_any()
    {
        var clock = Stopwatch.StartNew();
        var length = 0L;
        for (var index = 0; index < 2_000_000; index++)
        {
            length += LinkCode.Encode(Key, 42, 0, index).Length;
        }

        Assert.Equal(2_000_000L * LinkCode.Length, length);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"2,000,000 codes in {clock.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public void Neighbouring_recipients_codes_share_no_visible_pattern()
    {
        var first = LinkCode.Encode(Key, 42, 0, 1000);
        var next = LinkCode.Encode(Key, 42, 0, 1001);

        // A counter would differ in its last character or two; the permutation changes most of them.
        Assert.True(first.Zip(next).Count(pair => pair.First != pair.Second) >= 5, $"{first} / {next}");
    }

    [Fact]
    public void Another_key_reads_a_code_as_something_else()
    {
        var code = LinkCode.Encode(Key, 42, 3, 77);

        Assert.True(LinkCode.TryDecode(Key + 2, code, out var block, out var ordinal, out var index));
        Assert.NotEqual((42L, 3, 77), (block, ordinal, index));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("ABCDEFGHIJK")]
    [InlineData("abcdefghi-")]
    [InlineData("zzzzzzzzzz")] // 62^10 − 1: past the 59 bits any code takes
    public void Text_that_no_code_can_be_is_refused(string text)
    {
        Assert.False(LinkCode.TryDecode(Key, text, out _, out _, out _));
    }
}
