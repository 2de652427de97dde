namespace BroadcastGrains.Carrier.Connectors.Rate;

/// <summary>
/// Splits what a connector can send now among those who want it, max-min fairly ("water filling"): everyone gets an
/// equal share, except that whoever wants less than that share gets exactly what it wants and the rest is split among
/// the others, again equally. So a broadcast of 10 beside one of 2,000,000 gets its 10 at once, and two large ones get
/// half each. Shares are whole parts; the remainder of an uneven split goes to those listed first.
/// </summary>
public static class MaxMinFairShare
{
    /// <summary>
    /// Writes into <paramref name="shares"/>[i] what <paramref name="demands"/>[i] gets of <paramref name="available"/>;
    /// answers the total given (less than <paramref name="available"/> only when every demand is met).
    /// </summary>
    public static long Split(long available, ReadOnlySpan<long> demands, Span<long> shares)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shares.Length, demands.Length, nameof(shares));
        shares[..demands.Length].Clear();
        var left = Math.Max(0, available);
        // Each round meets every demand up to an equal share of what is left; at most one round per distinct demand.
        var open = 0;
        foreach (var demand in demands)
        {
            open += demand > 0 ? 1 : 0;
        }
        while (left > 0 && open > 0)
        {
            var each = left / open;
            if (each == 0)
            {
                // Fewer parts than takers: one each to the first ones still wanting.
                for (var i = 0; i < demands.Length && left > 0; i++)
                {
                    if (demands[i] > shares[i])
                    {
                        shares[i]++;
                        left--;
                    }
                }
                break;
            }
            for (var i = 0; i < demands.Length; i++)
            {
                var want = demands[i] - shares[i];
                if (want <= 0)
                {
                    continue;
                }
                var given = Math.Min(want, each);
                shares[i] += given;
                left -= given;
                if (given == want)
                {
                    open--;
                }
            }
        }
        return Math.Max(0, available) - left;
    }
}
