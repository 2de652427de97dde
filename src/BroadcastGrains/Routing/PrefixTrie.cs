namespace BroadcastGrains.Routing;

/// <summary>
/// Digit prefixes of E.164 numbers, each tagged with the order of the route it belongs to; answers the lowest order of
/// any prefix of a number in one walk over its digits (at most 15 table look-ups, no allocation). Built once per
/// (client, region) group, so it holds only the prefix routes that group can take.
/// </summary>
internal sealed class PrefixTrie
{
    const int Digits = 10;
    const int None = int.MaxValue;

    readonly int[] _next;      // [node * 10 + digit] → node, or -1
    readonly int[] _order;     // [node] → lowest route order whose prefix ends here, or None
    readonly int[] _lowestBelow; // [node] → lowest order at this node or under it: lets a walk stop early

    PrefixTrie(int[] next, int[] order, int[] lowestBelow) => (_next, _order, _lowestBelow) = (next, order, lowestBelow);

    /// <summary>True when the trie holds no prefix.</summary>
    public bool IsEmpty => _lowestBelow[0] == None;

    /// <summary>
    /// The lowest order among the prefixes that start <paramref name="number"/> (E.164 digits) and are below
    /// <paramref name="bound"/>; <paramref name="bound"/> when none is.
    /// </summary>
    public int Lowest(long number, int bound)
    {
        // Digits come out least significant first (a division by the constant 10 compiles to a multiply); the walk
        // reads them back from the most significant.
        Span<byte> digits = stackalloc byte[20];
        var count = 0;
        for (var rest = number; rest > 0 && count < digits.Length; rest /= Digits)
        {
            digits[count++] = (byte)(rest % Digits);
        }
        var best = bound;
        var node = 0;
        for (var i = count - 1; i >= 0 && _lowestBelow[node] < best; i--)
        {
            node = _next[(node * Digits) + digits[i]];
            if (node < 0)
            {
                break;
            }
            if (_order[node] < best)
            {
                best = _order[node];
            }
        }
        return best;
    }

    /// <summary>Builds a trie of <paramref name="prefixes"/>: digit strings (no <c>+</c>) with their route's order.</summary>
    public static PrefixTrie Build(IEnumerable<(string Digits, int Order)> prefixes)
    {
        var next = new List<int>(Enumerable.Repeat(-1, Digits));
        var order = new List<int> { None };
        foreach (var (digits, routeOrder) in prefixes)
        {
            var node = 0;
            foreach (var c in digits)
            {
                var slot = (node * Digits) + (c - '0');
                if (next[slot] < 0)
                {
                    next[slot] = order.Count;
                    order.Add(None);
                    next.AddRange(Enumerable.Repeat(-1, Digits));
                }
                node = next[slot];
            }
            order[node] = Math.Min(order[node], routeOrder);
        }
        var lowest = order.ToArray();
        // Children always come after their parent, so one backward pass carries each subtree's lowest order upwards.
        for (var node = lowest.Length - 1; node >= 0; node--)
        {
            for (var digit = 0; digit < Digits; digit++)
            {
                var child = next[(node * Digits) + digit];
                if (child > 0 && lowest[child] < lowest[node])
                {
                    lowest[node] = lowest[child];
                }
            }
        }
        return new PrefixTrie([.. next], [.. order], lowest);
    }
}
