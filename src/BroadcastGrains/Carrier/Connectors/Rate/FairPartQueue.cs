namespace BroadcastGrains.Carrier.Connectors.Rate;

/// <summary>
/// Who waits for a connector's parts, by flow (a broadcast), and who gets the parts that have come in: each dispatch
/// splits them among the flows waiting by <see cref="MaxMinFairShare"/> into a credit per flow, and a flow's waiters are
/// let through in order as its credit covers them (a request larger than one dispatch's share waits for its credit to
/// build: deficit round robin). A flow never holds credit beyond what it waits for, so nothing is saved up by an idle
/// flow. Not thread-safe; the gate that owns it locks around it.
/// </summary>
/// <typeparam name="TWaiter">What is handed back when a request is let through.</typeparam>
public sealed class FairPartQueue<TWaiter> where TWaiter : class
{
    sealed class Flow(string key)
    {
        public string Key { get; } = key;
        public Queue<(long Parts, TWaiter Waiter)> Waiting { get; } = new();
        public long Queued { get; set; }
        public long Credit { get; set; }
    }

    readonly Dictionary<string, Flow> _flows = new(StringComparer.Ordinal);
    readonly List<Flow> _active = [];
    long[] _demands = new long[4];
    long[] _shares = new long[4];

    /// <summary>True when nobody waits.</summary>
    public bool IsEmpty => _active.Count == 0;

    /// <summary>Flows with someone waiting.</summary>
    public int Flows => _active.Count;

    /// <summary>Adds a request of <paramref name="parts"/> by <paramref name="flow"/>, behind that flow's earlier ones.</summary>
    public void Enqueue(string flow, long parts, TWaiter waiter)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parts);
        if (!_flows.TryGetValue(flow, out var entry))
        {
            entry = new Flow(flow);
            _flows[flow] = entry;
            _active.Add(entry);
        }
        entry.Waiting.Enqueue((parts, waiter));
        entry.Queued += parts;
    }

    /// <summary>Withdraws a request (its caller stopped waiting); false when it was already let through.</summary>
    public bool Remove(string flow, TWaiter waiter)
    {
        if (!_flows.TryGetValue(flow, out var entry))
        {
            return false;
        }
        var kept = entry.Waiting.Where(w => !ReferenceEquals(w.Waiter, waiter)).ToList();
        if (kept.Count == entry.Waiting.Count)
        {
            return false;
        }
        entry.Waiting.Clear();
        foreach (var w in kept)
        {
            entry.Waiting.Enqueue(w);
        }
        entry.Queued = kept.Sum(w => w.Parts);
        entry.Credit = Math.Min(entry.Credit, entry.Queued);
        Retire(entry);
        return true;
    }

    /// <summary>
    /// Shares <paramref name="parts"/> among the waiting flows and adds the requests now covered to
    /// <paramref name="granted"/>; answers the parts used (the rest stays with the caller's bucket).
    /// </summary>
    public long Dispatch(long parts, List<TWaiter> granted)
    {
        ArgumentNullException.ThrowIfNull(granted);
        var count = _active.Count;
        if (count == 0 || parts <= 0)
        {
            return 0;
        }
        if (_demands.Length < count)
        {
            (_demands, _shares) = (new long[count * 2], new long[count * 2]);
        }
        for (var i = 0; i < count; i++)
        {
            _demands[i] = _active[i].Queued - _active[i].Credit;
        }
        var used = MaxMinFairShare.Split(parts, _demands.AsSpan(0, count), _shares);
        var flowsNow = _active.ToArray();
        for (var i = 0; i < count; i++)
        {
            var flow = flowsNow[i];
            flow.Credit += _shares[i];
            while (flow.Waiting.Count > 0 && flow.Waiting.Peek().Parts <= flow.Credit)
            {
                var (taken, waiter) = flow.Waiting.Dequeue();
                flow.Credit -= taken;
                flow.Queued -= taken;
                granted.Add(waiter);
            }
            Retire(flow);
        }
        // Whoever came first gets the odd part of an uneven split first next time too rarely to matter, but rotate so
        // it is not always the same flow.
        if (_active.Count > 1)
        {
            var first = _active[0];
            _active.RemoveAt(0);
            _active.Add(first);
        }
        return used;
    }

    void Retire(Flow flow)
    {
        if (flow.Waiting.Count == 0)
        {
            _flows.Remove(flow.Key);
            _active.Remove(flow);
        }
    }
}
