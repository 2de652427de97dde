namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Recipients as given, in columns rather than one object per recipient, so two million of them fit in a few arrays
/// and cross the wire cheaply. Entry <c>i</c> is <see cref="Numbers"/>[i] when that is not 0 (an E.164 number as digits,
/// e.g. 14155550100), else the text in <see cref="Texts"/> at the position where <see cref="TextIndexes"/> holds <c>i</c>
/// (a national number or anything else, normalised or declared invalid by the cluster).
/// Variables exist only for entries that have them, stored as sent (<see cref="VariableTable"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("recipient-input")]
public sealed record RecipientInput(
    [property: Id(0)] long[] Numbers,
    [property: Id(1)] int[] TextIndexes,
    [property: Id(2)] string[] Texts,
    [property: Id(6)] VariableTable Variables)
{
    /// <summary>How many recipients were given.</summary>
    public int Count => Numbers.Length;

    /// <summary>No recipients.</summary>
    public static RecipientInput Empty { get; } = new([], [], [], VariableTable.Empty);

    /// <summary>Builds an input from plain strings (convenient for small lists and other Orleans apps).</summary>
    public static RecipientInput FromStrings(IReadOnlyList<string> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var numbers = new long[recipients.Count];
        var textIndexes = new List<int>();
        var texts = new List<string>();
        for (var i = 0; i < recipients.Count; i++)
        {
            if (!TryParseE164Digits(recipients[i], out numbers[i]))
            {
                textIndexes.Add(i);
                texts.Add(recipients[i]);
            }
        }
        return new RecipientInput(numbers, [.. textIndexes], [.. texts], VariableTable.Empty);
    }

    /// <summary>Reads "+" followed by 2 to 15 digits (E.164's shape) as a number; anything else is left to the cluster.</summary>
    public static bool TryParseE164Digits(ReadOnlySpan<char> text, out long number) => TryParseE164(text, out number);

    /// <summary><see cref="TryParseE164Digits(ReadOnlySpan{char}, out long)"/> over UTF-8 bytes, as a JSON reader holds them.</summary>
    public static bool TryParseE164Digits(ReadOnlySpan<byte> utf8, out long number) => TryParseE164(utf8, out number);

    static bool TryParseE164<T>(ReadOnlySpan<T> text, out long number)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        number = 0;
        if (text.Length < 3 || text.Length > 16 || int.CreateTruncating(text[0]) != '+' || int.CreateTruncating(text[1]) == '0')
        {
            return false;
        }
        long value = 0;
        foreach (var c in text[1..])
        {
            var digit = int.CreateTruncating(c) - '0';
            if ((uint)digit > 9)
            {
                return false;
            }
            value = (value * 10) + digit;
        }
        number = value;
        return true;
    }
}
