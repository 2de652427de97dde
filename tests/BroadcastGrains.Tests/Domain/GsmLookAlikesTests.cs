using BroadcastGrains.Pricing;

namespace BroadcastGrains.Tests.Domain;

/// <summary>Smart encoding's mapping: look-alikes become GSM-7, and only when that makes the whole text GSM-7.</summary>
public class GsmLookAlikesTests
{
    // 150 characters with one curly apostrophe: a word processor's "it's".
    static readonly string PastedText = "It\u2019s" + new string('a', 146);

    [Fact]
    public void A_150_character_text_with_one_curly_apostrophe_is_one_gsm7_part_with_it_and_three_ucs2_parts_without()
    {
        Assert.Equal(150, PastedText.Length);

        Assert.Equal(new SegmentCount(MessageEncoding.Ucs2, 3, 150), SegmentCounter.Count(PastedText)); // 67 + 67 + 16
        var smart = GsmLookAlikes.Apply(PastedText);
        Assert.Equal("It's" + new string('a', 146), smart);
        Assert.Equal(new SegmentCount(MessageEncoding.Gsm7, 1, 150), SegmentCounter.Count(smart));
    }

    [Theory]
    [InlineData("\u2018a\u2019 \u201Ab\u201B \u2032 \u02BC \u00B4 `", "'a' 'b' ' ' ' '")]
    [InlineData("\u201Cq\u201D \u201Eq\u201F \u2033 \u00ABq\u00BB", "\"q\" \"q\" \" \"q\"")]
    [InlineData("\u2039x\u203A", "<x>")]
    [InlineData("a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h \u2022 i", "a-b-c-d-e-f-g-h - i")]
    [InlineData("Wait\u2026", "Wait...")]
    [InlineData("a\u00A0b\u2002c\u2003d\u2009e\u200Af\u202Fg\u205Fh\u3000i\tj", "a b c d e f g h i j")]
    [InlineData("in\u200Bvi\u200Csi\u200Dble\u2060\uFEFF\u00AD", "invisible")]
    [InlineData("line\u2028para\u2029end", "line\npara\nend")]
    public void Each_look_alike_becomes_its_gsm7_form(string pasted, string sent)
    {
        var smart = GsmLookAlikes.Apply(pasted);

        Assert.Equal(sent, smart);
        Assert.True(SegmentCounter.IsGsm7(smart));
    }

    [Theory]
    [InlineData("It\u2019s sunny \U0001F600")] // an emoji
    [InlineData("\u041F\u0440\u0438\u0432\u0435\u0442 \u2014 it\u2019s")] // Cyrillic
    [InlineData("\u4F60\u597D\u2026")] // Chinese
    [InlineData("\u0645\u0631\u062D\u0628\u0627 \u201Cok\u201D")] // Arabic
    public void Emoji_and_non_latin_scripts_stay_ucs2_and_are_sent_as_written(string text)
    {
        var smart = GsmLookAlikes.Apply(text);

        Assert.Same(text, smart);
        Assert.Equal(MessageEncoding.Ucs2, SegmentCounter.Count(smart).Encoding);
    }

    [Fact]
    public void A_text_without_look_alikes_is_returned_as_the_same_instance()
    {
        const string plain = "Sale ends Sunday: 50% off {everything} \u00E9\u00E8 \u20AC5";

        Assert.Same(plain, GsmLookAlikes.Apply(plain));
    }

    [Fact]
    public void Gsm7_accents_beside_look_alikes_are_kept()
    {
        Assert.Equal("Caf\u00E9 'Ren\u00E9' - \u00A35...", GsmLookAlikes.Apply("Caf\u00E9 \u2018Ren\u00E9\u2019 \u2013 \u00A35\u2026"));
    }
}
