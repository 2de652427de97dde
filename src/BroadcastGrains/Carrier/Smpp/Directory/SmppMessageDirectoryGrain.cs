using BroadcastGrains.Hosting;
using BroadcastGrains.Storage;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Carrier.Smpp.Directory;

/// <summary>
/// A shard of the SMSC-id directory. Calls come in batches (one per shard per submitted batch or receipt batch), so a
/// shard serves them one at a time. State is written at most every <see cref="WriteEvery"/> while it changes, not per
/// call: a silo crash loses at most that window of registrations, whose receipts then end in the receipt window's
/// timeout rather than in a wrong status.
/// </summary>
[GrainType("smpp-directory")]
internal sealed partial class SmppMessageDirectoryGrain(
    [PersistentState("smpp-directory", StorageNames.Recipients)] IPersistentState<SmppDirectoryState> directory,
    IOptions<BroadcastOptions> options,
    TimeProvider time) : Grain, ISmppMessageDirectoryGrain
{
    static readonly TimeSpan WriteEvery = TimeSpan.FromSeconds(2);
    static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    // Entries outlive the receipt window by this much: a receipt after the window finds a recipient already final anyway.
    static readonly TimeSpan Margin = TimeSpan.FromMinutes(10);

    SmppDirectoryState State => directory.State;
    bool _dirty;
    DateTimeOffset _lastSweep;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _lastSweep = time.GetUtcNow();
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(WriteEvery, WriteEvery));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await directory.WriteStateAsync(cancellationToken);
        }
    }

    public Task RegisterAsync(DirectoryRegistration registration)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        for (var i = 0; i < registration.Keys.Length; i++)
        {
            var record = new DirectoryRecord(registration.Entries[i], now);
            if (!registration.ByAddress)
            {
                State.Parts[registration.Keys[i]] = record;
            }
            else if (State.Unconfirmed.TryGetValue(registration.Keys[i], out var queue))
            {
                queue.Add(record);
            }
            else
            {
                State.Unconfirmed[registration.Keys[i]] = [record];
            }
        }
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<DirectoryEntry?[]> ResolveAsync(string[] ids)
    {
        var entries = new DirectoryEntry?[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            entries[i] = State.Parts.GetValueOrDefault(ids[i])?.Entry;
        }
        return Task.FromResult(entries);
    }

    public Task ForgetAsync(string[] ids)
    {
        foreach (var id in ids)
        {
            _dirty |= State.Parts.Remove(id);
        }
        return Task.CompletedTask;
    }

    public Task<DirectoryEntry?[]> ClaimByAddressAsync(string[] addressKeys)
    {
        var entries = new DirectoryEntry?[addressKeys.Length];
        for (var i = 0; i < addressKeys.Length; i++)
        {
            if (State.Unconfirmed.TryGetValue(addressKeys[i], out var queue) && queue.Count > 0)
            {
                entries[i] = queue[0].Entry;
                queue.RemoveAt(0);
                if (queue.Count == 0)
                {
                    State.Unconfirmed.Remove(addressKeys[i]);
                }
                _dirty = true;
            }
        }
        return Task.FromResult(entries);
    }

    async Task FlushAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastSweep >= SweepEvery)
        {
            _lastSweep = now;
            Sweep(now);
        }
        if (_dirty)
        {
            _dirty = false;
            await directory.WriteStateAsync(cancellationToken);
        }
    }
}
