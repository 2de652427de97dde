namespace BroadcastGrains.Pricing;

/// <summary>
/// How a message body travels over SMS. The carrier bills per segment, and the encoding decides how many characters
/// fit in one, so it is chosen once per body and priced from there.
/// </summary>
public enum MessageEncoding : byte
{
    /// <summary>GSM 03.38 default alphabet: 7-bit septets, 160 per single message, 153 per part of a long one.</summary>
    Gsm7,

    /// <summary>
    /// UTF-16 (UCS-2 on the wire; surrogate pairs pass through as two code units): 70 per single message, 67 per
    /// part. Any character outside the GSM tables forces the whole message into this encoding.
    /// </summary>
    Ucs2,
}
