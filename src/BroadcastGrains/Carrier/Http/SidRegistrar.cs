using BroadcastGrains.Carrier.Smpp.Directory;

namespace BroadcastGrains.Carrier.Http;

public sealed partial class TwilioCarrier
{
    /// <summary>
    /// Registers a batch's sids in chunks while the batch is still going out, so a status callback that comes soon after
    /// its answer finds its sid; one directory call per <see cref="Chunk"/> accepted messages, never one per message.
    /// </summary>
    sealed class SidRegistrar(TwilioCarrier carrier, SubmitBatch batch)
    {
        const int Chunk = 32;

        readonly Lock gate = new();
        readonly List<Task> registrations = [];
        List<string> keys = [];
        List<DirectoryEntry> entries = [];

        public void Add(int i, string sid)
        {
            lock (gate)
            {
                keys.Add(sid);
                entries.Add(new DirectoryEntry(batch.PartitionKey, batch.Indexes[i], null, 1, 1));
                if (keys.Count >= Chunk)
                {
                    registrations.Add(TakeAndRegister());
                }
            }
        }

        public Task FlushAsync()
        {
            lock (gate)
            {
                if (keys.Count > 0)
                {
                    registrations.Add(TakeAndRegister());
                }
                return Task.WhenAll(registrations);
            }
        }

        Task TakeAndRegister()
        {
            var (taken, takenEntries) = (keys, entries);
            (keys, entries) = ([], []);
            return carrier.RegisterAsync(batch.PartitionKey, taken, takenEntries);
        }
    }
}
