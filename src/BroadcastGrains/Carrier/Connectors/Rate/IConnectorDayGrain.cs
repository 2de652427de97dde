namespace BroadcastGrains.Carrier.Connectors.Rate;

/// <summary>
/// The parts one connector may still send on one UTC day, for the whole cluster (key <see cref="KeyOf"/>). Silos lease
/// blocks of parts from it; what it leased is stored before it answers, so a restarted silo or activation goes on from
/// the same count and a day's limit is never exceeded (a lease a silo did not use before it stopped is lost to that day).
/// </summary>
[Alias("connector-day")]
internal interface IConnectorDayGrain : IGrainWithStringKey
{
    /// <summary>Leases up to <paramref name="wanted"/> parts under <paramref name="limit"/>; answers the parts granted.</summary>
    [Alias("lease")]
    Task<long> LeaseAsync(long wanted, long limit);

    /// <summary>The parts leased so far this day.</summary>
    [Alias("leased")]
    Task<long> LeasedAsync();

    /// <summary>The grain key of <paramref name="connector"/>'s count for <paramref name="day"/>.</summary>
    static string KeyOf(string connector, DateOnly day) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{connector}/{day:yyyy-MM-dd}");
}
