namespace BroadcastGrains.Carrier.Simulator;

/// <summary>
/// Decides each message's fate from (seed, partition key, index) alone, so a run is reproducible whatever the thread
/// timing, and a resubmitted message meets the same fate as the first time.
/// </summary>
internal sealed class OutcomeMix
{
    // The fixed test numbers are matched on the last four digits of the E.164 number.
    const long FixedSuffixModulus = 10_000;
    const long FailsSuffix = 1;
    const long BlockedSuffix = 2;
    const long ExpiresSuffix = 3;

    readonly ulong _seed;
    readonly int _failedBelow;
    readonly int _expiredBelow;
    readonly int _noReceiptBelow;

    public OutcomeMix(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _seed = Mix((ulong)options.Seed);
        _failedBelow = options.FailedPercent;
        _expiredBelow = _failedBelow + options.ExpiredPercent;
        _noReceiptBelow = _expiredBelow + options.NoReceiptPercent;
    }

    /// <summary>
    /// Hashes the partition key once per batch (FNV-1a over its UTF-16 code units) with the seed. string.GetHashCode
    /// would not do: it is randomized per process, which would break reproducibility across runs.
    /// </summary>
    public ulong BatchKey(string partitionKey)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in partitionKey)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return Mix(hash ^ _seed);
    }

    public SimulatedOutcome Draw(ulong batchKey, long number, int index)
    {
        switch (number % FixedSuffixModulus)
        {
            case FailsSuffix: return SimulatedOutcome.Failed;
            case BlockedSuffix: return SimulatedOutcome.Blocked;
            case ExpiresSuffix: return SimulatedOutcome.Expired;
        }

        // The modulo bias of a 64-bit value reduced to 100 buckets is far below anything a test could see.
        var roll = (int)(Mix(batchKey + ((ulong)(uint)index * 0x9E3779B97F4A7C15UL)) % 100);
        if (roll < _failedBelow)
        {
            return SimulatedOutcome.Failed;
        }
        if (roll < _expiredBelow)
        {
            return SimulatedOutcome.Expired;
        }
        return roll < _noReceiptBelow ? SimulatedOutcome.NoReceipt : SimulatedOutcome.Delivered;
    }

    // The SplitMix64 finalizer: consecutive indexes come out as unrelated rolls.
    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>What the simulator decided for one message; one byte so a batch's decisions fit a pooled scratch array.</summary>
internal enum SimulatedOutcome : byte
{
    Delivered,
    Failed,
    Expired,
    NoReceipt,
    Blocked,
}
