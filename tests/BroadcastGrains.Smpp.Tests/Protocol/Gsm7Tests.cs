using BroadcastGrains.Carrier.Smpp.Text;

namespace BroadcastGrains.Smpp.Tests.Protocol;

public sealed class Gsm7Tests
{
    [Fact]
    public void Packing_puts_eight_septets_in_seven_octets_least_significant_bit_first()
    {
        // The worked example of 3GPP TS 23.038: "hellohello" → E8 32 9B FD 46 97 D9 EC 37.
        var septets = Septets("hellohello");

        Assert.Equal(Convert.FromHexString("E8329BFD4697D9EC37"), Gsm7Packing.Pack(septets));
        Assert.Equal("hellohello", Gsm7Alphabet.Decode(Gsm7Packing.UnpackText(Gsm7Packing.Pack(septets))));
    }

    [Fact]
    public void After_a_six_octet_header_one_fill_bit_aligns_the_text_and_a_full_part_fits_in_140_octets()
    {
        var septets = Septets(new string('a', 153));

        var packed = Gsm7Packing.Pack(septets, Gsm7Packing.FillBits(6));

        Assert.Equal(1, Gsm7Packing.FillBits(6));
        Assert.Equal(134, packed.Length);
        Assert.Equal(0, packed[0] & 1);
        Assert.Equal(new string('a', 153), Gsm7Alphabet.Decode(Gsm7Packing.UnpackText(packed, 1)));
    }

    [Fact]
    public void Seven_spare_bits_carry_a_carriage_return_that_is_not_read_back_as_text()
    {
        var packed = Gsm7Packing.Pack(Septets("1234567"));

        Assert.Equal(7, packed.Length);
        Assert.Equal(0x0D, packed[6] >> 1);
        Assert.Equal("1234567", Gsm7Alphabet.Decode(Gsm7Packing.UnpackText(packed)));
    }

    [Theory]
    [InlineData("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ÄÖÑÜ§¿äöñüà")]
    [InlineData("ABCXYZ abcxyz")]
    public void Every_basic_table_character_is_one_septet_and_reads_back(string text)
    {
        var septets = Septets(text);

        Assert.Equal(text.Length, septets.Length);
        Assert.Equal(text, Gsm7Alphabet.Decode(septets));
    }

    [Fact]
    public void Extension_characters_are_an_escape_and_a_code()
    {
        const string text = "\f^{}\\[~]|€";

        var septets = Septets(text);

        Assert.Equal(text.Length * 2, septets.Length);
        Assert.All(septets.Where((_, i) => i % 2 == 0), s => Assert.Equal(Gsm7Alphabet.Escape, s));
        Assert.Equal([0x1B, 0x65], septets[^2..]);
        Assert.Equal(text, Gsm7Alphabet.Decode(septets));
    }

    [Fact]
    public void A_character_outside_the_tables_has_no_septets()
    {
        Span<byte> buffer = stackalloc byte[2];

        Assert.Equal(0, Gsm7Alphabet.Encode('`', buffer));
        Assert.Equal(0, Gsm7Alphabet.Encode('ç', buffer));
    }

    static byte[] Septets(string text)
    {
        var septets = new List<byte>();
        Span<byte> one = stackalloc byte[2];
        foreach (var c in text)
        {
            var width = Gsm7Alphabet.Encode(c, one);
            Assert.NotEqual(0, width);
            septets.AddRange(one[..width].ToArray());
        }
        return [.. septets];
    }
}
