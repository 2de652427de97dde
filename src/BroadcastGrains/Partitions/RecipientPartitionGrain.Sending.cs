using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
using BroadcastGrains.Messages;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Submitting: batches of pending recipients go to the router (<see cref="IRecipientRouter"/>, which picks the
/// connector of each), and <see cref="SliceLedger.Submitted"/> records the answers.
/// </summary>
internal sealed partial class RecipientPartitionGrain
{
    const int BatchesPerTick = 4;

    VariableRenderer? _renderer;
    SubmitResult[]? _results;

    /// <summary>Set when a paced partition was told to wait: the pump sleeps that long.</summary>
    TimeSpan? _pacedWait;

    /// <summary>Cancels the submit in progress; set by <see cref="InterruptAsync"/>, cleared when sending (re)starts.</summary>
    CancellationTokenSource? _submitting;
    bool _interrupted;

    public Task InterruptAsync()
    {
        _interrupted = true;
        _submitting?.Cancel();
        return Task.CompletedTask;
    }

    /// <summary>Submits up to a few batches; answers whether there was anything to send.</summary>
    async Task<bool> SendSomeAsync(CancellationToken cancellationToken)
    {
        if (State.StartedAt is { } started && PumpSchedule.PastValidity(time.GetUtcNow(), started, Slice.Message.ValidityMinutes))
        {
            // Past the validity nothing more is sent: the scan that follows in this tick expires what is left.
            _schedule.ScanSoon();
            return false;
        }
        var anything = false;
        for (var b = 0; b < BatchesPerTick && State.Phase == PartitionPhase.Sending && !_interrupted; b++)
        {
            await ApplyOptOutsAsync();
            var allowance = await AllowanceAsync();
            if (allowance == 0)
            {
                break;
            }
            var batch = NextBatch(allowance);
            if (batch is null)
            {
                break;
            }
            anything = true;
            if (!await JournalIntentAsync())
            {
                return false;
            }
            _results ??= new SubmitResult[options.Value.SubmitBatchSize];
            using var submit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _submitting = submit;
            try
            {
                await router.SubmitAsync(batch, _results.AsMemory(0, batch.Count), submit.Token);
            }
            catch (OperationCanceledException) when (_interrupted || cancellationToken.IsCancellationRequested)
            {
                // Interrupted (pause, cancel, silo shutdown) before the carrier took anything: carriers throw only then,
                // so the batch goes back to pending and is sent once, later.
                RequeueInFlight();
                return anything;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.SubmitFailed(logger, Key, batch.Count, e);
                RequeueInFlight();
                return false;
            }
            finally
            {
                _submitting = null;
            }
            if (!ApplySubmitResults(batch))
            {
                break;
            }
        }
        return anything;
    }

    /// <summary>
    /// Records the batch as queued (with the previous batch's outcomes) before the carrier sees it; when that cannot be
    /// written the batch goes back to pending and nothing is submitted.
    /// </summary>
    async Task<bool> JournalIntentAsync()
    {
        try
        {
            await JournalAsync();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.JournalFailed(logger, Key, e);
            RequeueInFlight();
            return false;
        }
    }

    /// <summary>How many messages the next batch may hold: a full batch, or what the broadcast grants a paced run.</summary>
    async Task<int> AllowanceAsync()
    {
        var size = PumpSchedule.BatchSize(State.Counts[(int)RecipientStatus.Pending], options.Value.SubmitBatchSize);
        if (size == 0 || !Slice.Message.Paced)
        {
            return size;
        }
        var grant = await GrainFactory.GetGrain<IBroadcastProgressGrain>(Slice.BroadcastId).AcquireSendsAsync(Run, size);
        _pacedWait = grant.Granted == 0 ? grant.RetryAfter : null;
        return grant.Granted;
    }

    SubmitBatch? NextBatch(int size)
    {
        var slice = Slice;
        var indexes = new List<int>(size);
        Ledger.QueueNext(size, indexes, SecondsSinceCreated());
        if (indexes.Count == 0)
        {
            return null;
        }
        _renderer ??= new VariableRenderer(MessageTemplate.Parse(slice.Message.Body), slice.Variables ?? VariableTable.Empty, slice.Message.Variables);
        var count = indexes.Count;
        var numbers = new long[count];
        var bodies = new string[count];
        var segments = new byte[count];
        var regions = new string?[count];
        for (var k = 0; k < count; k++)
        {
            var index = indexes[k];
            numbers[k] = slice.Numbers[index];
            bodies[k] = Render(index);
            segments[k] = State.Segments[index];
            regions[k] = State.Countries[index] is var country and >= 0 ? State.CountryCodes[country] : null;
        }
        var routing = new BatchRouting(slice.ClientId, slice.Message.Route, slice.Message.IsMms, regions);
        return new SubmitBatch(Key, slice.Message.From, [.. indexes], numbers, bodies, segments, slice.Message.MediaUrls, count, routing,
            State.ActiveRun);
    }

    string Render(int index)
    {
        // Prepare checked every variable, so a render cannot miss one here.
        _renderer!.TryRender(index, out var text, out _);
        return OutgoingText.Of(text, Slice.Message, BroadcastIndexOf(index));
    }

    /// <summary>Records the carrier's answers; false when it asked to slow down.</summary>
    bool ApplySubmitResults(SubmitBatch batch)
    {
        if (batch.Routing is { } routing)
        {
            new RouteColumns(State).Record(batch.Indexes.AsSpan(0, batch.Count), _results.AsSpan(0, batch.Count), routing);
        }
        var tally = Ledger.Submitted(batch.Indexes.AsSpan(0, batch.Count), _results.AsSpan(0, batch.Count), SecondsSinceCreated());
        metrics.MessagesSubmitted(tally.Accepted, tally.Blocked, tally.Deferred);
        if (tally.Deferred == batch.Count)
        {
            // Nothing taken (a daily limit reached, no connector up): ask again at the idle pace, not every few ms.
            _pacedWait ??= PumpSchedule.IdlePeriod;
        }
        return tally.Deferred == 0;
    }
}
