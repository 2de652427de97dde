using System.Diagnostics;
using BroadcastGrains.Smpp.Tests.Smsc;

namespace BroadcastGrains.Smpp.Tests.Rates;

/// <summary>A rate as the SMSC saw it: messages counted there over time, sampled every few tens of milliseconds.</summary>
internal static class SmscRate
{
    /// <summary>
    /// Messages per second at <paramref name="systemId"/> between the moments the SMSC had counted <paramref name="from"/>
    /// and <paramref name="to"/> more than <paramref name="before"/> (leaving out the start and the tail).
    /// </summary>
    public static async Task<double> MessagesPerSecondAsync(SmscControl smsc, string systemId, int before, int from, int to,
        TimeSpan deadline)
    {
        var watch = Stopwatch.StartNew();
        TimeSpan? first = null;
        var firstCount = 0;
        while (watch.Elapsed < deadline)
        {
            var counted = (await smsc.StatsAsync(systemId)).Messages - before;
            if (first is null && counted >= from)
            {
                (first, firstCount) = (watch.Elapsed, counted);
            }
            if (counted >= to && first is { } start)
            {
                return (counted - firstCount) / (watch.Elapsed - start).TotalSeconds;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException($"{systemId}: fewer than {to} messages after {deadline.TotalSeconds} s");
    }
}
