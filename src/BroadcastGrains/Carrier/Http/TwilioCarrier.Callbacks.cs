using BroadcastGrains.Carrier.Smpp.Directory;

namespace BroadcastGrains.Carrier.Http;

/// <summary>
/// The directory side: sids registered after a batch, and status callbacks resolved through them. A final status
/// forgets its sid once the partition has it, so a replayed callback finds nothing and changes nothing.
/// </summary>
public sealed partial class TwilioCarrier
{
    // A callback can beat the registration of its sid (the carrier answers, then calls back at once): the callback
    // waits this long for it before counting as unmatched.
    static readonly TimeSpan UnknownSidPatience = TimeSpan.FromSeconds(5);
    static readonly TimeSpan UnknownSidPause = TimeSpan.FromMilliseconds(250);

    async Task RegisterAsync(string partitionKey, List<string> keys, List<DirectoryEntry> entries)
    {
        try
        {
            await _directory.RegisterAsync(keys, entries, byAddress: false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Never throw once the carrier has taken messages: the partition would send the whole batch again.
            LogRegisterFailed(e, Name, keys.Count, partitionKey);
        }
    }

    /// <summary>
    /// Applies one (already verified) status callback. True when it was final and matched a message still waiting for
    /// its outcome; false for a step on the way, an unknown sid or a replay.
    /// </summary>
    public async Task<bool> ApplyStatusAsync(string? messageSid, string? messageStatus, string? errorCode,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(messageSid) || TwilioStatuses.Final(messageStatus, errorCode) is not { } final)
        {
            return false;
        }
        var entry = (await _directory.ResolveAsync([messageSid]))[0];
        for (var waited = TimeSpan.Zero; entry is null && waited < UnknownSidPatience; waited += UnknownSidPause)
        {
            await Task.Delay(UnknownSidPause, _time, cancellationToken);
            entry = (await _directory.ResolveAsync([messageSid]))[0];
        }
        if (entry is null)
        {
            return false;
        }
        await _receipts.DeliverAsync(entry.PartitionKey,
            new ReceiptBatch([entry.Index], [final.Outcome], [final.Error], _time.GetUtcNow()), cancellationToken);
        await _directory.ForgetAsync([messageSid]);
        return true;
    }
}
