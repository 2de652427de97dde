using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Partitions;

/// <summary>The countries of one slice with their price (per segment, or per message for MMS) and running totals.</summary>
internal sealed class CountryTable(PartitionSlice slice)
{
    readonly Dictionary<string, short> _indexes = new(StringComparer.Ordinal);
    readonly List<string> _codes = [];
    readonly List<decimal> _prices = [];
    readonly List<long> _recipients = [];
    readonly List<long> _segments = [];

    public string[] Codes => [.. _codes];
    public decimal[] Prices => [.. _prices];

    /// <summary>The country's index, or -1 when it has no route.</summary>
    public short IndexOf(string region)
    {
        if (_indexes.TryGetValue(region, out var index))
        {
            return index;
        }
        var perSegment = slice.Prices.PerSegment(region);
        if (perSegment is null)
        {
            _indexes[region] = -1;
            return -1;
        }
        index = (short)_codes.Count;
        _indexes[region] = index;
        _codes.Add(region);
        _prices.Add(slice.Message.IsMms ? slice.Prices.MmsPerMessage : perSegment.Value);
        _recipients.Add(0);
        _segments.Add(0);
        return index;
    }

    public void Add(short country, int messageSegments)
    {
        _recipients[country]++;
        _segments[country] += messageSegments;
    }

    public List<CountryBreakdown> Breakdown()
    {
        var rows = new List<CountryBreakdown>(_codes.Count);
        for (var c = 0; c < _codes.Count; c++)
        {
            var credits = slice.Message.IsMms ? _prices[c] * _recipients[c] : _prices[c] * _segments[c];
            rows.Add(new CountryBreakdown(_codes[c], _recipients[c], _segments[c], credits, _prices[c]));
        }
        return rows;
    }
}
