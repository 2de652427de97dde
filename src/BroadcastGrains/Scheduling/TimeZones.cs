namespace BroadcastGrains.Scheduling;

/// <summary>
/// The IANA time zones a broadcast may name in <c>timezone</c>. They come from this machine's own zone data, the same
/// data every conversion in <see cref="Recurrence"/> and <see cref="QuietHours"/> uses, so a zone that passes validation
/// can always be converted.
/// </summary>
public static class TimeZones
{
    /// <summary>
    /// True for an IANA id this machine knows (<c>"UTC"</c> included; letter case is forgiven, as the zone lookup
    /// forgives it). Windows ids such as <c>"Eastern Standard Time"</c> are refused even though .NET would translate
    /// them: API.md promises IANA ids, and a client that sent one elsewhere would not be understood.
    /// </summary>
    public static bool IsKnown(string? id) => Lookup(id) is not null;

    /// <summary>The zone named by <paramref name="id"/>; callers validate first, so an unknown id here is a bug.</summary>
    internal static TimeZoneInfo Find(string id) =>
        Lookup(id) ?? throw new ArgumentException($"'{id}' is not a known IANA time zone", nameof(id));

    static TimeZoneInfo? Lookup(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return null;
        }
        // The lookup translates a Windows id to its IANA zone but keeps the Windows id as the zone's Id.
        return zone.HasIanaId ? zone : null;
    }
}
