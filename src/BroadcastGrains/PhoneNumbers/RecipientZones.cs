using PhoneNumbers;

namespace BroadcastGrains.PhoneNumbers;

/// <summary>
/// The local time zones of a number, for delivery windows read on the recipient's clock. A country with one zone answers
/// for all its numbers; for a country with several, libphonenumber's prefix data names the area's zone(s); where it has
/// none, every zone the time zone database lists for the country is a candidate. Answers a key of IANA ids joined by
/// '|', sorted, so equal sets compare equal; empty when nothing is known (the broadcast's zone then applies).
/// Stateless after construction and safe to share between threads.
/// </summary>
public sealed class RecipientZones
{
    readonly PhoneNumberToTimeZonesMapper _mapper = PhoneNumberToTimeZonesMapper.GetInstance();
    readonly PhoneNumberUtil _util = PhoneNumberUtil.GetInstance();
    readonly IReadOnlyDictionary<string, string[]> _countryZones;

    /// <summary>The process-wide instance.</summary>
    public static RecipientZones Shared { get; } = new(CountryZoneTable.Load());

    public RecipientZones(IReadOnlyDictionary<string, string[]> countryZones) => _countryZones = countryZones;

    /// <summary>True when the time zone database lists one zone for <paramref name="region"/>: no per-number lookup needed.</summary>
    public bool HasOneZone(string region) => _countryZones.TryGetValue(region, out var zones) && zones.Length == 1;

    /// <summary>The zone-set key of <paramref name="e164"/>, a valid number of <paramref name="region"/>.</summary>
    public string KeyOf(long e164, string region)
    {
        _countryZones.TryGetValue(region, out var country);
        if (country is { Length: 1 })
        {
            return country[0];
        }
        var callingCode = _util.GetCountryCodeForRegion(region);
        var national = NationalNumber(e164, callingCode);
        if (national > 0)
        {
            var number = new PhoneNumber.Builder().SetCountryCode(callingCode).SetNationalNumber((ulong)national).Build();
            var known = _mapper.GetTimeZonesForGeographicalNumber(number)
                .Where(zone => zone != _mapper.GetUnknownTimeZone() && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
                .ToArray();
            if (known.Length > 0)
            {
                return Join(known);
            }
        }
        return country is { Length: > 0 } ? Join(country) : "";
    }

    static string Join(IEnumerable<string> zones) => string.Join('|', zones.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    static long NationalNumber(long e164, int callingCode)
    {
        if (callingCode <= 0)
        {
            return 0;
        }
        var scale = 1L;
        while (e164 / scale >= callingCode * 10L)
        {
            scale *= 10;
        }
        return e164 / scale == callingCode ? e164 % scale : 0;
    }
}
