using System.Text;
using BroadcastGrains.Carrier.Smpp.Protocol;

namespace BroadcastGrains.Carrier.Smpp.Receipts;

/// <summary>
/// A delivery receipt read from a deliver_sm with esm_class 0x04. The id comes from the receipted_message_id TLV when
/// present, else from the text's <c>id:</c> field (SMPP 3.4 appendix B); the state from the message_state TLV, else the
/// text's <c>stat:</c> field. <see cref="Outcome"/> is null for a state that is not final (ENROUTE, ACCEPTD).
/// </summary>
internal sealed record DeliveryReceipt(string MessageId, MessageState State, string? Error)
{
    /// <summary>esm_class message-type bits (2–5).</summary>
    public const byte MessageTypeMask = 0x3C;

    /// <summary>esm_class message type of an SMSC delivery receipt.</summary>
    public const byte ReceiptType = 0x04;

    /// <summary>The recipient's final outcome; null while the message is still under way.</summary>
    public ReceiptOutcome? Outcome => State switch
    {
        MessageState.Delivered => ReceiptOutcome.Delivered,
        MessageState.Expired => ReceiptOutcome.Expired,
        MessageState.Undeliverable or MessageState.Rejected or MessageState.Unknown or MessageState.Deleted => ReceiptOutcome.Failed,
        _ => null,
    };

    /// <summary>True when a deliver_sm's esm_class marks it as a delivery receipt.</summary>
    public static bool IsReceipt(byte esmClass) => (esmClass & MessageTypeMask) == ReceiptType;

    /// <summary>Reads the receipt in a deliver_sm; false when neither the TLVs nor the text name an id and a state.</summary>
    public static bool TryRead(ShortMessagePdu pdu, out DeliveryReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        receipt = null!;
        var text = Encoding.ASCII.GetString(pdu.ShortMessage);
        var id = pdu.Find(Tlv.ReceiptedMessageId)?.AsCString();
        if (string.IsNullOrEmpty(id))
        {
            id = Field(text, "id:");
        }
        MessageState? state = pdu.Find(Tlv.MessageStateTag) is { Value.Length: > 0 } tlv ? (MessageState)tlv.Value[0] : null;
        state ??= MessageStates.FromStat(Field(text, "stat:"));
        if (string.IsNullOrEmpty(id) || state is null)
        {
            return false;
        }
        var error = Field(text, "err:");
        receipt = new DeliveryReceipt(id, state.Value, string.IsNullOrEmpty(error) || error.Trim('0').Length == 0 ? null : error);
        return true;
    }

    // Fields are "name:value" separated by spaces; the values of id, stat and err never hold a space.
    static string? Field(string text, string name)
    {
        var at = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
        while (at > 0 && text[at - 1] != ' ')
        {
            at = text.IndexOf(name, at + 1, StringComparison.OrdinalIgnoreCase);
        }
        if (at < 0)
        {
            return null;
        }
        var start = at + name.Length;
        var end = text.IndexOf(' ', start);
        return text[start..(end < 0 ? text.Length : end)];
    }
}
