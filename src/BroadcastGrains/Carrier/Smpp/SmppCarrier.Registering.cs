using System.Globalization;
using BroadcastGrains.Carrier.Smpp.Directory;
using BroadcastGrains.Carrier.Smpp.Text;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Carrier.Smpp;

/// <summary>
/// After a batch: its accepted parts go into the directory under their SMSC ids, its unconfirmed parts under
/// (recipient, sender) for reconciliation, and a long message with a part that could not be sent is failed at once.
/// </summary>
public sealed partial class SmppCarrier
{
    const int RegisterAttempts = 3;

    async Task RegisterAsync(SubmitBatch batch, SmppAddress source, MessageSubmission[] outcomes)
    {
        var byId = (Keys: new List<string>(), Entries: new List<DirectoryEntry>());
        var byAddress = (Keys: new List<string>(), Entries: new List<DirectoryEntry>());
        for (var i = 0; i < outcomes.Length; i++)
        {
            var message = outcomes[i];
            if (!message.IsCommitted)
            {
                continue;
            }
            var parts = (byte)message.Fates.Length;
            var messageKey = parts > 1 ? _directory.KeyPrefix + (message.Ids[0] ?? "u:" + Guid.NewGuid().ToString("N")) : null;
            var failed = false;
            for (var p = 0; p < parts; p++)
            {
                var entry = new DirectoryEntry(batch.PartitionKey, batch.Indexes[i], messageKey, (byte)(p + 1), parts);
                switch (message.Fates[p])
                {
                    case PartFate.Accepted:
                        byId.Keys.Add(message.Ids[p]!);
                        byId.Entries.Add(entry);
                        break;
                    case PartFate.Unconfirmed:
                        Interlocked.Increment(ref _unconfirmed);
                        LogUnconfirmed(batch.PartitionKey, batch.Indexes[i], p + 1, parts);
                        byAddress.Keys.Add(SmppAddress.AddressKey(batch.Numbers[i].ToString(CultureInfo.InvariantCulture), source.Address));
                        byAddress.Entries.Add(entry);
                        break;
                    default:
                        failed = true;
                        break;
                }
            }
            if (failed)
            {
                LogPartFailed(batch.PartitionKey, batch.Indexes[i], parts);
                _receipts.Decided(batch.PartitionKey, batch.Indexes[i], ReceiptOutcome.Failed, "a part was not accepted");
            }
        }
        await RegisterWithRetriesAsync(batch.PartitionKey, byId.Keys, byId.Entries, byAddress: false);
        await RegisterWithRetriesAsync(batch.PartitionKey, byAddress.Keys, byAddress.Entries, byAddress: true);
    }

    async Task RegisterWithRetriesAsync(string partitionKey, List<string> keys, List<DirectoryEntry> entries, bool byAddress)
    {
        for (var attempt = 1; keys.Count > 0; attempt++)
        {
            try
            {
                await _directory.RegisterAsync(keys, entries, byAddress);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < RegisterAttempts)
            {
                LogRegisterRetry(e, partitionKey, keys.Count, attempt);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The messages stay accepted (the SMSC has them); their receipts will not be matched and the receipt
                // window turns them into timeouts.
                LogRegisterFailed(e, partitionKey, keys.Count);
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), _time);
        }
    }

    [LoggerMessage(EventId = 151, Level = LogLevel.Warning,
        Message = "SMPP: partition {PartitionKey} recipient {Index} body needs {Actual} parts but was priced as {Priced}")]
    partial void LogSegmentMismatch(string partitionKey, int index, int priced, int actual);

    [LoggerMessage(EventId = 152, Level = LogLevel.Warning,
        Message = "SMPP: partition {PartitionKey} recipient {Index} part {Part}/{Parts} is unconfirmed (no submit_sm_resp); " +
            "kept as accepted, not resubmitted, and recorded for reconciliation by recipient and sender")]
    partial void LogUnconfirmed(string partitionKey, int index, int part, int parts);

    [LoggerMessage(EventId = 153, Level = LogLevel.Warning,
        Message = "SMPP: partition {PartitionKey} recipient {Index}: a part of a {Parts}-part message could not be sent; " +
            "the message counts as failed")]
    partial void LogPartFailed(string partitionKey, int index, int parts);

    [LoggerMessage(EventId = 156, Level = LogLevel.Error,
        Message = "SMPP: a message could not be encoded as a submit_sm ({Reason}); rejected")]
    partial void LogUnencodable(string reason);

    [LoggerMessage(EventId = 154, Level = LogLevel.Warning,
        Message = "SMPP: registering {Count} message ids of partition {PartitionKey} failed (attempt {Attempt}); retrying")]
    partial void LogRegisterRetry(Exception exception, string partitionKey, int count, int attempt);

    [LoggerMessage(EventId = 155, Level = LogLevel.Error,
        Message = "SMPP: could not register {Count} message ids of partition {PartitionKey}; their receipts will not be matched")]
    partial void LogRegisterFailed(Exception exception, string partitionKey, int count);
}
