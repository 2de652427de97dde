using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Partitions;

/// <summary>The countries of one slice with their price (per segment, or per message for MMS) and running totals.</summary>
internal sealed class CountryTable(PartitionSlice slice)
{
    readonly Dictionary<string, short> indexes = new(StringComparer.Ordinal);
    readonly List<string> codes = [];
    readonly List<decimal> prices = [];
    readonly List<long> recipients = [];
    readonly List<long> segments = [];

    public string[] Codes => [.. codes];
    public decimal[] Prices => [.. prices];

    /// <summary>The country's index, or -1 when it has no route.</summary>
    public short IndexOf(string region)
    {
        if (indexes.TryGetValue(region, out var index))
        {
            return index;
        }
        var perSegment = slice.Prices.PerSegment(region);
        if (perSegment is null)
        {
            indexes[region] = -1;
            return -1;
        }
        index = (short)codes.Count;
        indexes[region] = index;
        codes.Add(region);
        prices.Add(slice.Message.IsMms ? slice.Prices.MmsPerMessage : perSegment.Value);
        recipients.Add(0);
        segments.Add(0);
        return index;
    }

    public void Add(short country, int messageSegments)
    {
        recipients[country]++;
        segments[country] += messageSegments;
    }

    public List<CountryBreakdown> Breakdown()
    {
        var rows = new List<CountryBreakdown>(codes.Count);
        for (var c = 0; c < codes.Count; c++)
        {
            var credits = slice.Message.IsMms ? prices[c] * recipients[c] : prices[c] * segments[c];
            rows.Add(new CountryBreakdown(codes[c], recipients[c], segments[c], credits, prices[c]));
        }
        return rows;
    }
}
