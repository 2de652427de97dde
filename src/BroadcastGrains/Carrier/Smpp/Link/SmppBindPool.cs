using BroadcastGrains.Carrier.Smpp.Protocol;

namespace BroadcastGrains.Carrier.Smpp.Link;

/// <summary>
/// Spreads submits over the silo's binds: round robin over those bound, not paused by throttling and with room in
/// their window. A submit waits a while for such a bind rather than failing at once, which is also what slows the
/// senders down while the SMSC throttles or is reconnecting. The connector's rate is held before a batch gets here
/// (<see cref="Connectors.PacedCarrierLink"/>).
/// </summary>
internal sealed class SmppBindPool(IReadOnlyList<SmppBind> binds, TimeProvider time) : IAsyncDisposable
{
    /// <summary>Longest a submit waits for a usable bind before it is given back as not sent.</summary>
    public static readonly TimeSpan BindWait = TimeSpan.FromSeconds(3);

    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    int _next;

    public void Start()
    {
        foreach (var bind in binds)
        {
            bind.Start();
        }
    }

    /// <summary>Submits on some bind. Never throws for the SMSC's behaviour or a cancellation: those are outcomes.</summary>
    public async Task<SubmitOutcome> SubmitAsync(ShortMessagePdu message, CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + BindWait;
        try
        {
            while (true)
            {
                var bind = await AcquireAsync(giveUpAt, cancellationToken);
                if (bind is null)
                {
                    return SubmitOutcome.NotSent;
                }
                SubmitOutcome outcome;
                try
                {
                    outcome = await bind.SubmitAsync(message);
                }
                finally
                {
                    bind.Exit();
                }
                // The bind dropped between choosing it and writing: nothing went out, so another bind may try.
                if (outcome.Fate != SubmitFate.NotSent || time.GetUtcNow() >= giveUpAt)
                {
                    return outcome;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return SubmitOutcome.NotSent;
        }
    }

    /// <summary>A bound, unpaused bind whose window slot the caller now holds; null at the deadline.</summary>
    async Task<SmppBind?> AcquireAsync(DateTimeOffset giveUpAt, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            SmppBind? busiest = null;
            var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)binds.Count);
            for (var k = 0; k < binds.Count; k++)
            {
                var bind = binds[(start + k) % binds.Count];
                if (!bind.IsBound || bind.PausedUntil > now)
                {
                    continue;
                }
                if (bind.TryEnter())
                {
                    return bind;
                }
                busiest ??= bind;
            }
            var left = giveUpAt - now;
            if (left <= TimeSpan.Zero)
            {
                return null;
            }
            if (busiest is not null)
            {
                // Every usable window is full: queue on one; the wait ends as soon as a response frees a slot.
                if (await busiest.EnterAsync(left, cancellationToken))
                {
                    if (busiest.IsBound && busiest.PausedUntil <= time.GetUtcNow())
                    {
                        return busiest;
                    }
                    busiest.Exit();
                }
                continue;
            }
            // No bind is usable now (all reconnecting or paused): look again shortly.
            await Task.Delay(Poll < left ? Poll : left, time, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(binds.Select(b => b.DisposeAsync().AsTask()));
    }
}
