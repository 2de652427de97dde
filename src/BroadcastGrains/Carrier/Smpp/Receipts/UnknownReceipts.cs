namespace BroadcastGrains.Carrier.Smpp.Receipts;

/// <summary>
/// Receipts whose SMSC id no registration matched yet. Their deliver_sm is answered with a temporary error, so the
/// SMSC sends them again later, rather than accepted and dropped: the registration may only be late (a partition that
/// resumed after its silo died registers what it sent again). Each id is refused for at most <see cref="RefuseFor"/>
/// from its first refusal, and at most <see cref="Capacity"/> ids are followed: past either, a receipt is accepted and
/// dropped as before, so a receipt that is truly not ours does not come back forever.
/// </summary>
internal sealed class UnknownReceipts(TimeSpan refuseFor, int capacity = UnknownReceipts.DefaultCapacity)
{
    public const int DefaultCapacity = 100_000;

    readonly Dictionary<string, DateTimeOffset> _firstRefused = new(StringComparer.Ordinal);

    public TimeSpan RefuseFor => refuseFor;

    public int Capacity => capacity;

    /// <summary>Ids being refused now.</summary>
    public int Count => _firstRefused.Count;

    /// <summary>True when the receipt of <paramref name="messageId"/>, unmatched at <paramref name="now"/>, is to be refused.</summary>
    public bool Refuse(string messageId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        if (_firstRefused.TryGetValue(messageId, out var first))
        {
            if (now - first < refuseFor)
            {
                return true;
            }
            _firstRefused.Remove(messageId);
            return false;
        }
        if (_firstRefused.Count >= capacity)
        {
            Prune(now);
            if (_firstRefused.Count >= capacity)
            {
                return false;
            }
        }
        _firstRefused[messageId] = now;
        return true;
    }

    /// <summary>The receipt of <paramref name="messageId"/> was matched: it is no longer followed.</summary>
    public void Matched(string messageId) => _firstRefused.Remove(messageId);

    void Prune(DateTimeOffset now)
    {
        foreach (var expired in _firstRefused.Where(p => now - p.Value >= refuseFor).Select(p => p.Key).ToList())
        {
            _firstRefused.Remove(expired);
        }
    }
}
