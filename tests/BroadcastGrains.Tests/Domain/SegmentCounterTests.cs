using BroadcastGrains.Pricing;

namespace BroadcastGrains.Tests.Domain;

public class SegmentCounterTests
{
    const string Cyrillic = "ж"; // outside GSM 03.38, so it forces UCS-2 while staying one code unit
    const string Emoji = "😀"; // a surrogate pair: two code units

    static string Repeat(string s, int count) => string.Concat(Enumerable.Repeat(s, count));

    [Fact]
    public void Empty_text_is_one_gsm7_segment()
    {
        Assert.Equal(new SegmentCount(MessageEncoding.Gsm7, 1, 0), SegmentCounter.Count(""));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Gsm7_segments_switch_at_160_then_every_153_septets(int length, int segments)
    {
        Assert.Equal(new SegmentCount(MessageEncoding.Gsm7, segments, length), SegmentCounter.Count(new string('a', length)));
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Ucs2_segments_switch_at_70_then_every_67_code_units(int length, int segments)
    {
        Assert.Equal(new SegmentCount(MessageEncoding.Ucs2, segments, length), SegmentCounter.Count(Repeat(Cyrillic, length)));
    }

    [Theory]
    [InlineData("€")]
    [InlineData("^")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("\\")]
    [InlineData("[")]
    [InlineData("~")]
    [InlineData("]")]
    [InlineData("|")]
    [InlineData("\f")]
    public void Extension_characters_count_two_septets(string character)
    {
        Assert.Equal(new SegmentCount(MessageEncoding.Gsm7, 1, 2), SegmentCounter.Count(character));
    }

    [Fact]
    public void Euro_signs_fill_a_single_message_at_80()
    {
        Assert.Equal(new SegmentCount(MessageEncoding.Gsm7, 1, 160), SegmentCounter.Count(Repeat("€", 80)));
        // 76 pairs fill a 153-septet part (152 septets); the 77th cannot be split, so 81 euros take two parts.
        Assert.Equal(new SegmentCount(MessageEncoding.Gsm7, 2, 162), SegmentCounter.Count(Repeat("€", 81)));
    }

    [Fact]
    public void Extension_character_is_not_split_across_parts()
    {
        // 306 septets would be two parts, but the euro at septets 153-154 moves whole to the second part, which then
        // overflows into a third.
        var text = new string('a', 152) + "€" + new string('a', 152);

        Assert.Equal(new SegmentCount(MessageEncoding.Gsm7, 3, 306), SegmentCounter.Count(text));
    }

    [Fact]
    public void Extension_character_ending_exactly_at_a_part_boundary_stays_in_that_part()
    {
        var text = new string('a', 151) + "€" + new string('a', 153);

        Assert.Equal(new SegmentCount(MessageEncoding.Gsm7, 2, 306), SegmentCounter.Count(text));
    }

    [Fact]
    public void Emoji_is_two_code_units_and_forces_ucs2()
    {
        Assert.Equal(new SegmentCount(MessageEncoding.Ucs2, 1, 2), SegmentCounter.Count(Emoji));
        Assert.Equal(new SegmentCount(MessageEncoding.Ucs2, 1, 70), SegmentCounter.Count(Repeat(Emoji, 35)));
        Assert.Equal(new SegmentCount(MessageEncoding.Ucs2, 2, 72), SegmentCounter.Count(Repeat(Emoji, 36)));
    }

    [Fact]
    public void Surrogate_pair_is_not_split_across_parts()
    {
        // 134 code units would be two parts, but the pair at units 67-68 moves whole to the second part.
        var text = Repeat(Cyrillic, 66) + Emoji + Repeat(Cyrillic, 66);

        Assert.Equal(new SegmentCount(MessageEncoding.Ucs2, 3, 134), SegmentCounter.Count(text));
    }

    [Fact]
    public void One_non_gsm_character_late_in_a_long_text_makes_all_of_it_ucs2()
    {
        var text = new string('a', 200) + "ç";

        Assert.Equal(new SegmentCount(MessageEncoding.Ucs2, 3, 201), SegmentCounter.Count(text));
    }

    [Theory]
    [InlineData("Hello, world! 0123456789 @$_#%&*()+-=<>?/;:'\"\r\n")]
    [InlineData("Ç É Ñ Ü ß à è é ì ò ù å ä ö ñ ü ø æ £ ¥ ¤ § ¡ ¿")]
    [InlineData("ΔΦΓΛΩΠΨΣΘΞ")]
    [InlineData("^{}\\[~]|€\f")]
    [InlineData("")]
    public void Gsm_03_38_characters_are_gsm7(string text)
    {
        Assert.True(SegmentCounter.IsGsm7(text));
        Assert.Equal(MessageEncoding.Gsm7, SegmentCounter.Count(text).Encoding);
    }

    [Theory]
    [InlineData("ç")] // only the capital Ç is in the basic table
    [InlineData("`")]
    [InlineData("á")]
    [InlineData("\t")]
    [InlineData("“quoted”")]
    [InlineData("α")] // only the Greek capitals that differ from Latin ones are in the table
    [InlineData("😀")]
    public void Characters_outside_gsm_03_38_are_ucs2(string text)
    {
        Assert.False(SegmentCounter.IsGsm7(text));
        Assert.Equal(MessageEncoding.Ucs2, SegmentCounter.Count(text).Encoding);
    }
}
