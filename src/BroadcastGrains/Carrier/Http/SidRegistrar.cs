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

        readonly Lock _gate = new();
        readonly List<Task> _registrations = [];
        List<string> _keys = [];
        List<DirectoryEntry> _entries = [];

        public void Add(int i, string sid)
        {
            lock (_gate)
            {
                _keys.Add(sid);
                _entries.Add(new DirectoryEntry(batch.PartitionKey, batch.Indexes[i], null, 1, 1));
                if (_keys.Count >= Chunk)
                {
                    _registrations.Add(TakeAndRegister());
                }
            }
        }

        public Task FlushAsync()
        {
            lock (_gate)
            {
                if (_keys.Count > 0)
                {
                    _registrations.Add(TakeAndRegister());
                }
                return Task.WhenAll(_registrations);
            }
        }

        Task TakeAndRegister()
        {
            var (taken, takenEntries) = (_keys, _entries);
            (_keys, _entries) = ([], []);
            return carrier.RegisterAsync(batch.PartitionKey, taken, takenEntries);
        }
    }
}
