using System.Globalization;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Carrier.Smpp.Text;

/// <summary>An SMPP address: type of number, numbering plan indicator and the address itself (SMPP 3.4 section 5.2.5–5.2.6).</summary>
internal readonly record struct SmppAddress(byte Ton, byte Npi, string Address)
{
    const byte International = 1;
    const byte Alphanumeric = 5;
    const byte Isdn = 1;
    const byte Unknown = 0;

    /// <summary>A sender: an E.164 number goes as international/ISDN digits, a name as alphanumeric (TON 5, NPI 0).</summary>
    public static SmppAddress OfSender(string from) =>
        RecipientInput.TryParseE164Digits(from, out var digits)
            ? OfNumber(digits)
            : new SmppAddress(Alphanumeric, Unknown, from);

    /// <summary>A recipient's E.164 digits as an international/ISDN address.</summary>
    public static SmppAddress OfNumber(long e164) =>
        new(International, Isdn, e164.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// The key under which an unconfirmed part waits for its receipt: recipient and sender. A receipt comes from the
    /// recipient to the sender, so <see cref="ReceiptKey"/> builds the same key from the deliver_sm's addresses.
    /// </summary>
    public static string AddressKey(string recipientDigits, string sender) =>
        string.Concat(recipientDigits.TrimStart('+'), ">", sender.TrimStart('+'));

    public static string ReceiptKey(string receiptSource, string receiptDestination) => AddressKey(receiptSource, receiptDestination);

    /// <summary>An inbound sender's number, if it is one.</summary>
    public static bool TryReadNumber(string address, out long e164) =>
        RecipientInput.TryParseE164Digits(address.StartsWith('+') ? address : "+" + address, out e164);
}
