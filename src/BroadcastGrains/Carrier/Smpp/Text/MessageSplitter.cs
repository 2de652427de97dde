using BroadcastGrains.Pricing;

namespace BroadcastGrains.Carrier.Smpp.Text;

/// <summary>
/// Cuts a body into the parts it is billed as. The part sizes and boundaries are <see cref="SegmentCounter"/>'s:
/// GSM-7 up to 160 septets in one part, else 153 a part and an escape pair never split; UCS-2 up to 70 code units in
/// one part, else 67 a part and a surrogate pair never split. So a client is charged for exactly the parts that go out.
/// </summary>
internal static class MessageSplitter
{
    const int Gsm7Single = 160;
    const int Gsm7Part = 153;
    const int Ucs2Single = 70;
    const int Ucs2Part = 67;

    /// <param name="body">The rendered text.</param>
    /// <param name="reference">The concatenation reference the parts share (unused for a one-part message).</param>
    /// <param name="gsmPacked">Pack GSM-7 septets eight to seven octets; else one septet per octet.</param>
    public static EncodedMessage Split(string body, byte reference, bool gsmPacked)
    {
        ArgumentNullException.ThrowIfNull(body);
        return SegmentCounter.IsGsm7(body) ? SplitGsm7(body, reference, gsmPacked) : SplitUcs2(body, reference);
    }

    static EncodedMessage SplitGsm7(string body, byte reference, bool packed)
    {
        var septets = new List<byte>(body.Length + 8);
        var boundaries = new List<int>(); // septet index where each part after the first starts
        Span<byte> one = stackalloc byte[2];
        var inPart = 0;
        foreach (var c in body)
        {
            var width = Gsm7Alphabet.Encode(c, one);
            if (inPart + width > Gsm7Part)
            {
                boundaries.Add(septets.Count);
                inPart = 0;
            }
            inPart += width;
            septets.Add(one[0]);
            if (width == 2)
            {
                septets.Add(one[1]);
            }
        }
        var all = septets.ToArray();
        if (all.Length <= Gsm7Single)
        {
            return new EncodedMessage(EncodedMessage.Gsm7Coding, 0, [packed ? Gsm7Packing.Pack(all) : all]);
        }
        var starts = new List<int> { 0 };
        starts.AddRange(boundaries);
        var parts = new byte[starts.Count][];
        for (var p = 0; p < starts.Count; p++)
        {
            var end = p + 1 < starts.Count ? starts[p + 1] : all.Length;
            var slice = all.AsSpan(starts[p], end - starts[p]);
            var payload = packed ? Gsm7Packing.Pack(slice, Gsm7Packing.FillBits(ConcatenationHeader.Size)) : slice.ToArray();
            parts[p] = WithHeader(new ConcatenationHeader(reference, (byte)starts.Count, (byte)(p + 1)), payload);
        }
        return new EncodedMessage(EncodedMessage.Gsm7Coding, ConcatenationHeader.UdhIndicator, parts);
    }

    static EncodedMessage SplitUcs2(string body, byte reference)
    {
        if (body.Length <= Ucs2Single)
        {
            return new EncodedMessage(EncodedMessage.Ucs2Coding, 0, [BigEndian(body)]);
        }
        var parts = new List<string>();
        var start = 0;
        var inPart = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var width = char.IsHighSurrogate(body[i]) && i + 1 < body.Length && char.IsLowSurrogate(body[i + 1]) ? 2 : 1;
            if (inPart + width > Ucs2Part)
            {
                parts.Add(body[start..i]);
                start = i;
                inPart = 0;
            }
            inPart += width;
            i += width - 1;
        }
        parts.Add(body[start..]);
        var encoded = new byte[parts.Count][];
        for (var p = 0; p < parts.Count; p++)
        {
            encoded[p] = WithHeader(new ConcatenationHeader(reference, (byte)parts.Count, (byte)(p + 1)), BigEndian(parts[p]));
        }
        return new EncodedMessage(EncodedMessage.Ucs2Coding, ConcatenationHeader.UdhIndicator, encoded);
    }

    static byte[] BigEndian(string text) => System.Text.Encoding.BigEndianUnicode.GetBytes(text);

    static byte[] WithHeader(ConcatenationHeader header, byte[] payload)
    {
        var part = new byte[ConcatenationHeader.Size + payload.Length];
        header.Write(part);
        payload.CopyTo(part, ConcatenationHeader.Size);
        return part;
    }
}

/// <summary>
/// A body ready for submit_sm: its data_coding, and one short_message per part (a concatenation header in front of each
/// when there is more than one, flagged by <see cref="EsmClass"/>).
/// </summary>
internal sealed record EncodedMessage(byte DataCoding, byte EsmClass, byte[][] Parts)
{
    /// <summary>data_coding of the SMSC default alphabet, which this link always means as GSM 03.38.</summary>
    public const byte Gsm7Coding = 0x00;

    /// <summary>data_coding of UCS-2 (ISO/IEC 10646), big-endian.</summary>
    public const byte Ucs2Coding = 0x08;
}
