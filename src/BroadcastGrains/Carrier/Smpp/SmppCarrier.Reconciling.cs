using System.Globalization;
using BroadcastGrains.Carrier.Smpp.Directory;
using BroadcastGrains.Carrier.Smpp.Text;

namespace BroadcastGrains.Carrier.Smpp;

/// <summary>
/// Registering again what a partition still awaits receipts for (<see cref="SmppReconciler"/>). A directory shard
/// writes its state every few seconds, so registrations made just before its silo died are lost; the partition's
/// journal still holds the first part's SMSC id, and that part goes back under it (the ids of a long message's other
/// parts were never journaled: their receipts still need the submit-time registration). A message with no id at all
/// (its silo died between the submit and the journal row) goes, every part, under (recipient, sender), where a receipt
/// whose id is unknown is reconciled.
/// </summary>
public sealed partial class SmppCarrier
{
    internal Task ReRegisterAsync(SentMessages messages, IReadOnlyList<int> positions)
    {
        var source = SmppAddress.OfSender(messages.From).Address;
        var byId = (Keys: new List<string>(), Entries: new List<DirectoryEntry>());
        var byAddress = (Keys: new List<string>(), Entries: new List<DirectoryEntry>());
        foreach (var k in positions)
        {
            var parts = Math.Max((byte)1, messages.Segments[k]);
            var id = messages.CarrierIds[k];
            var messageKey = parts > 1 ? _directory.KeyPrefix + (id ?? "u:" + messages.PartitionKey + ":" + messages.Indexes[k]) : null;
            var addressKey = SmppAddress.AddressKey(messages.Numbers[k].ToString(CultureInfo.InvariantCulture), source);
            if (id is not null)
            {
                byId.Keys.Add(id);
                byId.Entries.Add(new DirectoryEntry(messages.PartitionKey, messages.Indexes[k], messageKey, 1, parts));
                continue;
            }
            for (var p = 1; p <= parts; p++)
            {
                byAddress.Keys.Add(addressKey);
                byAddress.Entries.Add(new DirectoryEntry(messages.PartitionKey, messages.Indexes[k], messageKey, (byte)p, parts));
            }
        }
        return Task.WhenAll(
            byId.Keys.Count > 0 ? _directory.RegisterAsync(byId.Keys, byId.Entries, byAddress: false) : Task.CompletedTask,
            byAddress.Keys.Count > 0 ? _directory.RegisterAsync(byAddress.Keys, byAddress.Entries, byAddress: true) : Task.CompletedTask);
    }
}
