using BroadcastGrains.Carrier.Smpp.Text;
using BroadcastGrains.Pricing;

namespace BroadcastGrains.Smpp.Tests.Protocol;

public sealed class MessageSplitterTests
{
    public static TheoryData<string> Bodies()
    {
        var bodies = new TheoryData<string>
        {
            "", "Hi", new string('a', 160), new string('a', 161), new string('a', 306), new string('a', 307),
            new string('a', 152) + "€" + "tail", new string('a', 151) + "{}" + new string('b', 200),
            new string('ж', 70), new string('ж', 71), new string('ж', 134), new string('ж', 135),
            new string('ж', 66) + "😀" + new string('ж', 10), "😀😀" + new string('x', 200) + "😀",
        };
        var random = new Random(7);
        const string alphabet = "abc XYZ 123 {}[]€ ñÄ";
        for (var i = 0; i < 40; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(100, 700)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            bodies.Add(i % 4 == 0 ? text + "ç" : text);
        }
        return bodies;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void A_body_goes_out_in_exactly_the_parts_pricing_counted(string body)
    {
        var counted = SegmentCounter.Count(body);

        foreach (var packed in new[] { false, true })
        {
            var message = MessageSplitter.Split(body, 42, packed);
            Assert.Equal(counted.Segments, message.Parts.Length);
            Assert.Equal(counted.Encoding == MessageEncoding.Gsm7 ? 0 : 8, message.DataCoding);
            Assert.All(message.Parts, part => Assert.InRange(part.Length, 0, 254));
            Assert.Equal(body, Reassemble(message, packed));
        }
    }

    [Fact]
    public void Parts_of_a_long_message_carry_one_reference_their_count_and_their_number()
    {
        var message = MessageSplitter.Split(new string('a', 400), 0x9C, gsmPacked: false);

        Assert.Equal(0x40, message.EsmClass);
        for (var p = 0; p < 3; p++)
        {
            Assert.True(ConcatenationHeader.TryRead(message.Parts[p], out var header));
            Assert.Equal(new ConcatenationHeader(0x9C, 3, (byte)(p + 1)), header);
        }
    }

    [Fact]
    public void A_one_part_message_has_no_header()
    {
        var message = MessageSplitter.Split("Sale ends Sunday", 1, gsmPacked: false);

        Assert.Equal(0, message.EsmClass);
        Assert.Equal("Sale ends Sunday", Gsm7Alphabet.Decode(Assert.Single(message.Parts)));
    }

    static string Reassemble(EncodedMessage message, bool packed)
    {
        var header = message.Parts.Length > 1 ? ConcatenationHeader.Size : 0;
        return string.Concat(message.Parts.Select(part =>
        {
            var data = part.AsSpan(header);
            if (message.DataCoding == EncodedMessage.Ucs2Coding)
            {
                return System.Text.Encoding.BigEndianUnicode.GetString(data);
            }
            return Gsm7Alphabet.Decode(packed ? Gsm7Packing.UnpackText(data, header == 0 ? 0 : Gsm7Packing.FillBits(header)) : data);
        }));
    }
}
