namespace BroadcastGrains.Links;

/// <summary>
/// The short code of a tracked link: (link block, link ordinal, recipient index) packed into 59 bits, permuted by a
/// keyed Feistel network and written as 10 base-62 characters. Nothing is stored per recipient: the code is derived
/// when the message is sent and decoded when it is clicked, so 2,000,000 recipients cost no rows. The key makes
/// neighbouring recipients' codes unrelated, so a code cannot be walked to its neighbours' clicks.
/// </summary>
public static class LinkCode
{
    /// <summary>Every code is this long, so a message's length (and segments) does not depend on whose it is.</summary>
    public const int Length = 10;

    /// <summary>Tracked links per message; further links are sent as written.</summary>
    public const int MaxLinks = 1 << OrdinalBits;

    /// <summary>The recipient index of an aggregate code (one code per link per broadcast).</summary>
    public const int Aggregate = (1 << IndexBits) - 1;

    const int IndexBits = 21; // 2,097,151 > 2,000,000 recipients, the last value meaning "aggregate"
    const int OrdinalBits = 6;
    const int BlockBits = 32;
    const int PayloadBits = IndexBits + OrdinalBits + BlockBits; // 59: 62^10 > 2^59
    const int HalfBits = (PayloadBits + 1) / 2; // the network works on 60 bits and cycle-walks back into 59
    const ulong HalfMask = (1UL << HalfBits) - 1;
    const ulong PayloadLimit = 1UL << PayloadBits;
    const int Rounds = 6;
    const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>The code of link <paramref name="ordinal"/> of block <paramref name="block"/> for recipient <paramref name="index"/>.</summary>
    public static string Encode(ulong key, long block, int ordinal, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(block);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(block, 1L << BlockBits);
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, MaxLinks);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, Aggregate);
        var payload = ((ulong)block << (IndexBits + OrdinalBits)) | ((ulong)ordinal << IndexBits) | (uint)index;
        // Cycle walking: the permutation of 60 bits, applied again until it lands inside the 59-bit payload space,
        // is itself a permutation of that space (and decoding walks back the same way).
        var code = payload;
        do
        {
            code = Permute(key, code, forward: true);
        }
        while (code >= PayloadLimit);
        return string.Create(Length, code, static (chars, value) =>
        {
            for (var i = Length - 1; i >= 0; i--)
            {
                chars[i] = Alphabet[(int)(value % 62)];
                value /= 62;
            }
        });
    }

    /// <summary>Reads a code back; false for anything that no <see cref="Encode"/> could have written.</summary>
    public static bool TryDecode(ulong key, ReadOnlySpan<char> code, out long block, out int ordinal, out int index)
    {
        (block, ordinal, index) = (0, 0, 0);
        if (code.Length != Length)
        {
            return false;
        }
        ulong value = 0;
        foreach (var c in code)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }
            value = (value * 62) + (ulong)digit;
        }
        if (value >= PayloadLimit)
        {
            return false;
        }
        do
        {
            value = Permute(key, value, forward: false);
        }
        while (value >= PayloadLimit);
        index = (int)(value & ((1UL << IndexBits) - 1));
        ordinal = (int)((value >> IndexBits) & ((1UL << OrdinalBits) - 1));
        block = (long)(value >> (IndexBits + OrdinalBits));
        return true;
    }

    /// <summary>A balanced Feistel network over 60 bits; <paramref name="forward"/> false undoes it.</summary>
    static ulong Permute(ulong key, ulong value, bool forward)
    {
        var left = value >> HalfBits;
        var right = value & HalfMask;
        for (var r = 0; r < Rounds; r++)
        {
            var round = forward ? r : Rounds - 1 - r;
            if (forward)
            {
                (left, right) = (right, left ^ Round(key, round, right));
            }
            else
            {
                (left, right) = (right ^ Round(key, round, left), left);
            }
        }
        return (left << HalfBits) | right;
    }

    // SplitMix64's finaliser over the half, the round number and the key: a fast, well-mixed keyed function.
    static ulong Round(ulong key, int round, ulong half)
    {
        var z = half + key + ((ulong)(round + 1) * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (z ^ (z >> 31)) & HalfMask;
    }
}
