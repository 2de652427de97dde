namespace BroadcastGrains.Pricing;

/// <summary>
/// The outcome of measuring one body: the encoding it will be sent in, how many SMS parts the carrier will bill, and
/// its length in that encoding's units.
/// </summary>
/// <param name="Encoding">GSM-7 when every character is in the GSM 03.38 tables, else UCS-2.</param>
/// <param name="Segments">
/// Parts the carrier bills: 1 for a message that fits in a single SMS (empty bodies included), else the number of
/// concatenated parts after their user data header is taken out of each.
/// </param>
/// <param name="Units">
/// Septets for GSM-7 (extension-table characters count two, escape included); UTF-16 code units for UCS-2. Kept so
/// that a caller can tell the user how close the body is to the next segment.
/// </param>
public readonly record struct SegmentCount(MessageEncoding Encoding, int Segments, int Units);
