using System.Text;

namespace BroadcastGrains.Carrier.Smpp.Protocol;

/// <summary>An optional parameter (tag, length, value) after a PDU's mandatory fields (SMPP 3.4 section 5.3).</summary>
internal readonly record struct Tlv(ushort Tag, byte[] Value)
{
    /// <summary>receipted_message_id: the SMSC's id of the message a receipt is for (C-Octet String).</summary>
    public const ushort ReceiptedMessageId = 0x001E;

    /// <summary>message_state: the final state a receipt reports (one octet, <see cref="MessageState"/>).</summary>
    public const ushort MessageStateTag = 0x0427;

    /// <summary>network_error_code: network type (one octet) and error code (two octets).</summary>
    public const ushort NetworkErrorCode = 0x0423;

    /// <summary>message_payload: the user data when it is not in short_message.</summary>
    public const ushort MessagePayload = 0x0424;

    /// <summary>The value read as a C-Octet String (its NUL, if any, dropped).</summary>
    public string AsCString()
    {
        var end = Array.IndexOf(Value, (byte)0);
        return Encoding.ASCII.GetString(Value, 0, end < 0 ? Value.Length : end);
    }

    /// <summary>A C-Octet String value with its NUL.</summary>
    public static Tlv OfCString(ushort tag, string value)
    {
        var bytes = new byte[Encoding.ASCII.GetByteCount(value) + 1];
        Encoding.ASCII.GetBytes(value, bytes);
        return new Tlv(tag, bytes);
    }
}
