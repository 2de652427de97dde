namespace BroadcastGrains.Broadcasts;

/// <summary>
/// The weekdays a <see cref="DeliveryWindow"/> opens on (<c>days</c>: "MO", "TU", …); one bit per
/// <see cref="DayOfWeek"/>, so <c>1 &lt;&lt; (int)DayOfWeek.Monday</c> is Monday. <see cref="All"/> when not given.
/// </summary>
[Flags]
[GenerateSerializer]
public enum WeekDays : byte
{
    /// <summary>No day.</summary>
    None = 0,
    /// <summary>Sunday.</summary>
    Sunday = 1 << DayOfWeek.Sunday,
    /// <summary>Monday.</summary>
    Monday = 1 << DayOfWeek.Monday,
    /// <summary>Tuesday.</summary>
    Tuesday = 1 << DayOfWeek.Tuesday,
    /// <summary>Wednesday.</summary>
    Wednesday = 1 << DayOfWeek.Wednesday,
    /// <summary>Thursday.</summary>
    Thursday = 1 << DayOfWeek.Thursday,
    /// <summary>Friday.</summary>
    Friday = 1 << DayOfWeek.Friday,
    /// <summary>Saturday.</summary>
    Saturday = 1 << DayOfWeek.Saturday,
    /// <summary>Every day.</summary>
    All = Sunday | Monday | Tuesday | Wednesday | Thursday | Friday | Saturday,
}
