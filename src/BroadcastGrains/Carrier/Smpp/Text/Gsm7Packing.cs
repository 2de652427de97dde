namespace BroadcastGrains.Carrier.Smpp.Text;

/// <summary>
/// Packs septets eight to seven octets, least significant bit first (3GPP TS 23.038 section 6.1.2.1). With a user data
/// header in front, the septets start after <c>fillBits</c> zero bits so that the first one lies on a septet boundary
/// counted from the start of the user data (TS 23.040 section 9.2.3.24).
/// When the last octet would end with seven spare bits, they carry a CR (section 6.1.2.3.1) so that a receiver does
/// not read an extra '@'; <see cref="UnpackText"/> drops it again.
/// </summary>
internal static class Gsm7Packing
{
    const byte CarriageReturn = 0x0D;

    /// <summary>Fill bits after a user data header of <paramref name="headerOctets"/> octets (its length octet included).</summary>
    public static int FillBits(int headerOctets) => (7 - (headerOctets * 8 % 7)) % 7;

    /// <summary>Octets the packed form of <paramref name="septetCount"/> septets takes after <paramref name="fillBits"/>.</summary>
    public static int PackedLength(int septetCount, int fillBits) => ((septetCount * 7) + fillBits + 7) / 8;

    public static byte[] Pack(ReadOnlySpan<byte> septets, int fillBits = 0)
    {
        var packed = new byte[PackedLength(septets.Length, fillBits)];
        var bit = fillBits;
        foreach (var septet in septets)
        {
            var value = (septet & 0x7F) << (bit % 8);
            packed[bit / 8] |= (byte)value;
            if ((bit % 8) > 1)
            {
                packed[(bit / 8) + 1] |= (byte)(value >> 8);
            }
            bit += 7;
        }
        if (packed.Length * 8 - bit == 7)
        {
            packed[^1] |= (byte)(CarriageReturn << 1);
        }
        return packed;
    }

    /// <summary>Unpacks <paramref name="septetCount"/> septets that start <paramref name="fillBits"/> bits in.</summary>
    public static byte[] Unpack(ReadOnlySpan<byte> packed, int septetCount, int fillBits = 0)
    {
        var septets = new byte[septetCount];
        var bit = fillBits;
        for (var i = 0; i < septetCount; i++)
        {
            var low = packed[bit / 8] >> (bit % 8);
            var high = (bit % 8) > 1 && (bit / 8) + 1 < packed.Length ? packed[(bit / 8) + 1] << (8 - (bit % 8)) : 0;
            septets[i] = (byte)((low | high) & 0x7F);
            bit += 7;
        }
        return septets;
    }

    /// <summary>Unpacks all the septets after <paramref name="fillBits"/>, less a CR that padded seven spare bits.</summary>
    public static byte[] UnpackText(ReadOnlySpan<byte> packed, int fillBits = 0)
    {
        var septets = Unpack(packed, SeptetsIn(packed.Length, fillBits), fillBits);
        var exact = ((packed.Length * 8) - fillBits) % 7 == 0;
        return exact && septets.Length > 0 && septets[^1] == CarriageReturn ? septets[..^1] : septets;
    }

    /// <summary>Septets held by <paramref name="octets"/> packed octets after fill bits (a trailing partial septet dropped).</summary>
    public static int SeptetsIn(int octets, int fillBits) => ((octets * 8) - fillBits) / 7;
}
