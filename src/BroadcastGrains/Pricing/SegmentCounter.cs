namespace BroadcastGrains.Pricing;

/// <summary>
/// Measures message bodies the way a carrier bills them (GSM 03.38 and 3GPP TS 23.040 concatenation). It runs once
/// per rendered body, so with personalised bodies it runs per recipient: it reads the span once and allocates nothing.
/// </summary>
public static class SegmentCounter
{
    const int Gsm7SingleSeptets = 160;
    const int Gsm7PartSeptets = 153; // 160 less the 7 septets the concatenation header takes
    const int Ucs2SingleUnits = 70;
    const int Ucs2PartUnits = 67; // 70 less the 3 code units the concatenation header takes

    const byte NotGsm = 0;
    const byte Basic = 1;
    const byte Extension = 2; // escape septet + the character

    // Septets per ASCII character: 0 = not in GSM 03.38 at all (the backtick, most control characters), 1 = basic
    // table, 2 = extension table (form feed ^ { } \ [ ~ ] |). Note '$' and '@' are basic-table characters even
    // though they sit at other code points there, while '`' has no GSM form.
    static ReadOnlySpan<byte> AsciiSeptets =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 1, 0, 0, // 0x00: LF, form feed, CR
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 0x10
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 0x20: space ! " # $ % & ' ( ) * + , - . /
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 0x30: 0-9 : ; < = > ?
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 0x40: @ A-O
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 1, // 0x50: P-Z [ \ ] ^ _
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, // 0x60: ` a-o
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 0, // 0x70: p-z { | } ~ DEL
    ];

    /// <summary>Encoding, billed segments and length of <paramref name="text"/>.</summary>
    public static SegmentCount Count(ReadOnlySpan<char> text)
    {
        // One pass does both jobs: it proves the text is GSM-7 and lays it out part by part, so a non-GSM character
        // late in a long body is the only case that reads the text a second time (as UCS-2).
        var septets = 0;
        var parts = 1;
        var inPart = 0;
        foreach (var c in text)
        {
            var width = SeptetsOf(c);
            if (width == NotGsm)
            {
                return CountUcs2(text);
            }

            septets += width;
            // An escape and its character must travel in the same part, so a pair that would straddle the boundary
            // starts the next part instead and leaves one septet of the previous part unused.
            if (inPart + width > Gsm7PartSeptets)
            {
                parts++;
                inPart = 0;
            }

            inPart += width;
        }

        return new SegmentCount(MessageEncoding.Gsm7, septets <= Gsm7SingleSeptets ? 1 : parts, septets);
    }

    /// <summary>True when every character is in the GSM 03.38 basic or extension table (an empty text is).</summary>
    public static bool IsGsm7(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (SeptetsOf(c) == NotGsm)
            {
                return false;
            }
        }

        return true;
    }

    static SegmentCount CountUcs2(ReadOnlySpan<char> text)
    {
        var units = text.Length;
        if (units <= Ucs2SingleUnits)
        {
            return new SegmentCount(MessageEncoding.Ucs2, 1, units);
        }

        // Without surrogates every part is full, so the count is plain arithmetic; the search is vectorised.
        if (!text.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return new SegmentCount(MessageEncoding.Ucs2, (units + Ucs2PartUnits - 1) / Ucs2PartUnits, units);
        }

        // Handsets render a surrogate pair cut across two parts as two broken characters, so a pair that would
        // straddle the boundary starts the next part. A lone surrogate is malformed but still one code unit.
        var parts = 1;
        var inPart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var width = pair ? 2 : 1;
            if (inPart + width > Ucs2PartUnits)
            {
                parts++;
                inPart = 0;
            }

            inPart += width;
            i += width - 1;
        }

        return new SegmentCount(MessageEncoding.Ucs2, parts, units);
    }

    static int SeptetsOf(char c) => c < 128 ? AsciiSeptets[c] : NonAsciiSeptetsOf(c);

    // The basic table's non-ASCII characters (Latin-1 accents and the Greek capitals that do not look like Latin
    // ones) and the euro sign, the extension table's only non-ASCII character. Case matters: 'Ç' is in the table,
    // 'ç' is not, so a body with 'ç' goes as UCS-2.
    static int NonAsciiSeptetsOf(char c) => c switch
    {
        '£' or '¥' or 'è' or 'é' or 'ù' or 'ì' or 'ò' or 'Ç' or 'Ø' or 'ø' or 'Å' or 'å' => Basic,
        'Δ' or 'Φ' or 'Γ' or 'Λ' or 'Ω' or 'Π' or 'Ψ' or 'Σ' or 'Θ' or 'Ξ' => Basic,
        'Æ' or 'æ' or 'ß' or 'É' or '¤' or '¡' or 'Ä' or 'Ö' or 'Ñ' or 'Ü' or '§' => Basic,
        '¿' or 'ä' or 'ö' or 'ñ' or 'ü' or 'à' => Basic,
        '€' => Extension,
        _ => NotGsm,
    };
}
