using System.Diagnostics;
using Orleans.Runtime;

namespace BroadcastGrains.Silo.Faults;

/// <summary>
/// Retries an API request's grain call that failed because the silo it went to is gone (killed, not yet declared
/// dead). One immediate retry is not enough: until the death is declared, the directory still places the grain on the
/// dead silo and the second attempt meets the same refused connection (measured: 96 of 120 calls failed so). So the
/// call is retried every half second for as long as a death takes to be declared (<see cref="DeathDetection"/>), after
/// which the grain activates on a survivor: the client waits seconds instead of getting a 500. Only calls made outside
/// any grain (the HTTP API's) are retried; grains have their own recovery (journals, reminders). A call the dead silo
/// had already taken is in doubt either way: without the retry the client gets a 5xx and, as API.md invites, sends it
/// again itself.
/// </summary>
internal sealed class DeadSiloRetryFilter : IOutgoingGrainCallFilter
{
    static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    /// <summary>Longer than a death takes to be declared (about 6 s), with room for a busy machine.</summary>
    static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(12);

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.SourceContext is not null)
        {
            await context.Invoke();
            return;
        }
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                await context.Invoke();
                return;
            }
            catch (Exception e) when (SiloUnreachable(e) && Stopwatch.GetElapsedTime(started) < RetryFor)
            {
                await Task.Delay(Pause);
            }
        }
    }

    /// <summary>The target silo is unreachable: the call was rejected on the way or its silo went away.</summary>
    public static bool SiloUnreachable(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException
        || exception.InnerException is SiloUnavailableException or OrleansMessageRejectionException;
}
