namespace BroadcastGrains.Carrier.Smpp.Text;

/// <summary>
/// The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038 section 6.2.1): characters to septets and
/// back. An extension character is two septets, the escape 0x1B and its code, and the two never travel apart.
/// </summary>
internal static class Gsm7Alphabet
{
    public const byte Escape = 0x1B;

    // The basic table, septet value = index. 0x1B is the escape, shown here as a placeholder that is never matched.
    const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\uFFFFÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // The extension table's characters and the septet that follows the escape for each.
    const string ExtensionChars = "\f^{}\\[~]|€";
    static ReadOnlySpan<byte> ExtensionCodes => [0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65];

    static readonly Dictionary<char, byte> BasicCodes = BuildBasicCodes();

    /// <summary>Septets of one character: one, two (escape + code), or 0 when the character has no GSM form.</summary>
    public static int Encode(char c, Span<byte> septets)
    {
        if (BasicCodes.TryGetValue(c, out var code))
        {
            septets[0] = code;
            return 1;
        }
        var extension = ExtensionChars.IndexOf(c, StringComparison.Ordinal);
        if (extension >= 0)
        {
            septets[0] = Escape;
            septets[1] = ExtensionCodes[extension];
            return 2;
        }
        return 0;
    }

    /// <summary>
    /// Reads septets back as text. An escape before a code the extension table lacks reads as the basic character (the
    /// spec's fallback); a lone trailing escape reads as a space.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> septets)
    {
        var text = new System.Text.StringBuilder(septets.Length);
        for (var i = 0; i < septets.Length; i++)
        {
            var septet = (byte)(septets[i] & 0x7F);
            if (septet != Escape)
            {
                text.Append(Basic[septet]);
                continue;
            }
            if (++i >= septets.Length)
            {
                text.Append(' ');
                break;
            }
            var next = (byte)(septets[i] & 0x7F);
            var extension = ExtensionCodes.IndexOf(next);
            text.Append(extension >= 0 ? ExtensionChars[extension] : next == Escape ? ' ' : Basic[next]);
        }
        return text.ToString();
    }

    static Dictionary<char, byte> BuildBasicCodes()
    {
        var codes = new Dictionary<char, byte>(Basic.Length);
        for (var i = 0; i < Basic.Length; i++)
        {
            if (i != Escape)
            {
                codes[Basic[i]] = (byte)i;
            }
        }
        return codes;
    }
}
