namespace BroadcastGrains.Carrier.Smpp.Text;

/// <summary>
/// The user data header of one part of a long message: the 8-bit reference concatenation element (TS 23.040 section
/// 9.2.3.24.1), six octets: UDHL 05, IEI 00, IEDL 03, reference, parts, this part's number (from 1).
/// </summary>
internal readonly record struct ConcatenationHeader(byte Reference, byte Parts, byte Part)
{
    public const int Size = 6;

    /// <summary>esm_class bit saying short_message starts with a user data header (UDHI).</summary>
    public const byte UdhIndicator = 0x40;

    public void Write(Span<byte> destination)
    {
        destination[0] = 0x05;
        destination[1] = 0x00;
        destination[2] = 0x03;
        destination[3] = Reference;
        destination[4] = Parts;
        destination[5] = Part;
    }

    /// <summary>Reads the header in front of <paramref name="userData"/>, if it is this element.</summary>
    public static bool TryRead(ReadOnlySpan<byte> userData, out ConcatenationHeader header)
    {
        header = default;
        if (userData.Length < Size || userData[0] != 0x05 || userData[1] != 0x00 || userData[2] != 0x03)
        {
            return false;
        }
        header = new ConcatenationHeader(userData[3], userData[4], userData[5]);
        return true;
    }
}
