namespace BroadcastGrains.Carrier.Smpp.Directory;

/// <summary>
/// Long messages: one recipient outcome from all parts. Delivered once every part is; otherwise the first final failure
/// decides, and the parts still to come change nothing.
/// </summary>
internal sealed partial class SmppMessageDirectoryGrain
{
    public Task<PartVerdict[]> AggregateAsync(PartReport[] reports)
    {
        var verdicts = new PartVerdict[reports.Length];
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        for (var i = 0; i < reports.Length; i++)
        {
            var report = reports[i];
            var entry = report.Entry;
            var key = entry.MessageKey!;
            if (!State.Tallies.TryGetValue(key, out var tally))
            {
                State.Tallies[key] = tally = new PartTally { Parts = entry.Parts, StartedAt = now };
            }
            var bit = 1UL << ((entry.Part - 1) & 63);
            if ((tally.Reported & bit) != 0)
            {
                continue;
            }
            tally.Reported |= bit;
            _dirty = true;
            if (!tally.Decided && (report.Outcome != ReceiptOutcome.Delivered || tally.Complete))
            {
                tally.Decided = true;
                verdicts[i] = new PartVerdict(true, report.Outcome, report.Error);
            }
            if (tally.Complete)
            {
                State.Tallies.Remove(key);
            }
        }
        return Task.FromResult(verdicts);
    }

    void Sweep(DateTimeOffset now)
    {
        var oldest = (now - TimeSpan.FromMinutes(options.Value.ReceiptWindowMinutes) - Margin).ToUnixTimeSeconds();
        var before = State.Parts.Count + State.Unconfirmed.Count + State.Tallies.Count;
        foreach (var stale in State.Parts.Where(p => p.Value.RegisteredAt < oldest).Select(p => p.Key).ToList())
        {
            State.Parts.Remove(stale);
        }
        foreach (var (key, queue) in State.Unconfirmed.ToList())
        {
            queue.RemoveAll(r => r.RegisteredAt < oldest);
            if (queue.Count == 0)
            {
                State.Unconfirmed.Remove(key);
            }
        }
        foreach (var stale in State.Tallies.Where(t => t.Value.StartedAt < oldest).Select(t => t.Key).ToList())
        {
            State.Tallies.Remove(stale);
        }
        _dirty |= State.Parts.Count + State.Unconfirmed.Count + State.Tallies.Count != before;
    }
}
