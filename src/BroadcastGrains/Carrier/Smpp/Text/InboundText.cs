using System.Text;
using BroadcastGrains.Carrier.Smpp.Protocol;

namespace BroadcastGrains.Carrier.Smpp.Text;

/// <summary>
/// Decodes the text of an inbound deliver_sm: GSM-7 (packed or not, as the link is configured), UCS-2, Latin-1 or
/// ASCII, from short_message or the message_payload TLV, with any user data header skipped. Concatenated inbound
/// parts are read one by one: replies that matter here (STOP, START) fit in one part.
/// </summary>
internal static class InboundText
{
    const byte Ascii = 0x01;
    const byte Latin1 = 0x03;

    public static string Decode(ShortMessagePdu pdu, bool gsmPacked)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        var userData = pdu.ShortMessage.Length > 0 ? pdu.ShortMessage : pdu.Find(Tlv.MessagePayload)?.Value ?? [];
        var headerOctets = (pdu.EsmClass & ConcatenationHeader.UdhIndicator) != 0 && userData.Length > 0
            ? Math.Min(userData[0] + 1, userData.Length)
            : 0;
        var text = userData.AsSpan(headerOctets);
        return (pdu.DataCoding & 0x0F) switch
        {
            EncodedMessage.Ucs2Coding => Encoding.BigEndianUnicode.GetString(text),
            Latin1 => Encoding.Latin1.GetString(text),
            Ascii => Encoding.ASCII.GetString(text),
            EncodedMessage.Gsm7Coding when gsmPacked => DecodePacked(userData, headerOctets),
            _ => Gsm7Alphabet.Decode(text),
        };
    }

    static string DecodePacked(byte[] userData, int headerOctets)
    {
        var fill = headerOctets == 0 ? 0 : Gsm7Packing.FillBits(headerOctets);
        var packed = userData.AsSpan(headerOctets);
        return Gsm7Alphabet.Decode(Gsm7Packing.UnpackText(packed, fill));
    }
}
