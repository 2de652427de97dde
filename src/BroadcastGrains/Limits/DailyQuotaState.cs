namespace BroadcastGrains.Limits;

/// <summary>
/// One client's daily quota book for one UTC day: how many recipients the day's runs counted, by run key, so a retried
/// reserve counts once and a give-back (a cancelled run's unsent part) is made once. A new day starts an empty book:
/// a run counts on the day it starts, and what a run of an earlier day gives back no longer matters.
/// </summary>
[GenerateSerializer, Alias("daily-quota-state")]
internal sealed class DailyQuotaState
{
    [Id(0)] public DateOnly Day { get; set; }

    /// <summary>Recipients counted today, after give-backs.</summary>
    [Id(1)] public long Used { get; set; }

    /// <summary>What each of today's runs counts now, by run key.</summary>
    [Id(2)] public Dictionary<string, long> Reservations { get; set; } = [];

    /// <summary>The runs that gave back part of their count already (a give-back is made once).</summary>
    [Id(3)] public HashSet<string> GivenBack { get; set; } = [];

    /// <summary>Moves the book to <paramref name="today"/>; false when it is on that day already.</summary>
    public bool TurnTo(DateOnly today)
    {
        if (Day == today)
        {
            return false;
        }
        (Day, Used) = (today, 0);
        Reservations.Clear();
        GivenBack.Clear();
        return true;
    }

    /// <summary>
    /// Counts <paramref name="recipients"/> for <paramref name="runKey"/> if today's total stays within
    /// <paramref name="quota"/>; a run counted already is allowed again without counting twice.
    /// </summary>
    public bool TryReserve(string runKey, long recipients, long quota)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recipients);
        if (Reservations.ContainsKey(runKey))
        {
            return true;
        }
        if (Used + recipients > quota)
        {
            return false;
        }
        Used += recipients;
        Reservations[runKey] = recipients;
        return true;
    }

    /// <summary>
    /// Gives back up to <paramref name="recipients"/> of what <paramref name="runKey"/> counted, once; answers what was
    /// given back. Giving back all of it forgets the run, so a start that was refused after reserving can reserve again.
    /// </summary>
    public long Release(string runKey, long recipients)
    {
        if (!Reservations.TryGetValue(runKey, out var counted) || GivenBack.Contains(runKey))
        {
            return 0;
        }
        var back = Math.Clamp(recipients, 0, counted);
        Used -= back;
        if (back == counted)
        {
            Reservations.Remove(runKey);
        }
        else
        {
            Reservations[runKey] = counted - back;
            GivenBack.Add(runKey);
        }
        return back;
    }
}
