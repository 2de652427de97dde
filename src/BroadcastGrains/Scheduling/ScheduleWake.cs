namespace BroadcastGrains.Scheduling;

/// <summary>What a broadcast does when its timer, its reminder or the sweep wakes it (<see cref="ScheduleAlarm.OnWake"/>).</summary>
internal enum ScheduleWake
{
    /// <summary>The run is due: start it.</summary>
    Start,

    /// <summary>Woken early by the timer or the sweep: arm the timer again for what is left (the reminder still stands).</summary>
    ArmTimer,

    /// <summary>
    /// Woken early by the reminder, which was armed short of the due time (<see cref="ScheduleAlarm.Cap"/>): arm both again
    /// for what is left, or the reminder would go on ticking every period until then.
    /// </summary>
    Rearm,
}
