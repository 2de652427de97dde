namespace BroadcastGrains.Carrier.Smpp.Text;

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
