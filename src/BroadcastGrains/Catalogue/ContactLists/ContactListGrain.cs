using BroadcastGrains.Broadcasts;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue.ContactLists;

/// <summary>
/// A contact list: its owner, name and per-shard counts. The contacts live in <see cref="IContactShardGrain"/>s, so no
/// one grain state holds two million of them; an upload batch is validated here and merged into the shards in parallel.
/// </summary>
[GrainType("contact-list")]
internal sealed partial class ContactListGrain(
    [PersistentState("contact-list", StorageNames.Grains)] IPersistentState<ContactListState> list,
    PhoneNumberClassifier phones,
    TimeProvider time)
    : Grain, IContactListGrain
{
    ContactListState State => list.State;

    public async Task<ContactListView?> CreateAsync(string clientId, string name)
    {
        if (State.OwnerClientId is not null)
        {
            return Owns(clientId) ? View() : null;
        }
        State.OwnerClientId = clientId;
        State.Name = name;
        State.CreatedAt = time.GetUtcNow();
        await list.WriteStateAsync();
        await GrainFactory.GetGrain<IContactListIndexGrain>(clientId).AddAsync(this.GetPrimaryKeyString());
        return View();
    }

    public Task<ContactListView?> GetAsync(string clientId) => Task.FromResult(Owns(clientId) ? View() : null);

    public async Task<ContactUploadResult?> AddContactsAsync(string clientId, IReadOnlyList<RecipientInput> upload, string? defaultRegion)
    {
        if (!Owns(clientId))
        {
            return null;
        }
        var contacts = RecipientInputs.Concat(upload);
        var numbers = ContactNormalizer.ValidNumbers(contacts, defaultRegion, phones, out var invalid);
        var names = contacts.Variables.Names;
        if (ContactListRules.RefuseUpload(State.ContactCount, contacts.Count - invalid, State.VariableNames, names) is { } refused)
        {
            return new ContactUploadResult(0, 0, invalid, 0, Error: refused);
        }
        // Every check is behind us: what follows only merges, so a refused upload never got this far and changed nothing.
        var uploadId = Guid.NewGuid().ToString("N");
        var at = time.GetUtcNow();
        var batches = ContactNormalizer.ByShard(contacts, numbers);
        var shards = batches.Select((batch, shard) => (batch, shard)).Where(b => b.batch is not null).ToList();
        var results = await Task.WhenAll(shards.Select(b => Shard(b.shard).MergeAsync(uploadId, b.batch!, at)));
        var total = new ContactUploadResult(0, 0, invalid, 0);
        for (var k = 0; k < shards.Count; k++)
        {
            State.ShardCounts[shards[k].shard] += results[k].Added;
            total = total.Plus(results[k]);
        }
        State.VariableNames = ContactListRules.NamesAfter(State.VariableNames, names);
        await list.WriteStateAsync();
        return total;
    }

    public async Task<RecipientInput?> ReadAsync(string clientId)
    {
        if (!Owns(clientId))
        {
            return null;
        }
        var shards = await Task.WhenAll(Enumerable.Range(0, ContactShards.Count).Where(s => State.ShardCounts[s] > 0)
            .Select(s => Shard(s).ReadAsync()));
        return ContactNormalizer.Concat(shards);
    }

    IContactShardGrain Shard(int shard) => GrainFactory.GetGrain<IContactShardGrain>(ContactShards.Key(this.GetPrimaryKeyString(), shard));

    bool Owns(string clientId) => State.OwnerClientId is not null && string.Equals(State.OwnerClientId, clientId, StringComparison.Ordinal);

    ContactListView View() => new(this.GetPrimaryKeyString(), State.Name!, State.ContactCount, State.CreatedAt);
}

[GenerateSerializer, Alias("contact-list-state")]
internal sealed class ContactListState
{
    [Id(0)] public string? OwnerClientId { get; set; }
    [Id(1)] public string? Name { get; set; }
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
    [Id(3)] public long[] ShardCounts { get; set; } = new long[ContactShards.Count];
    /// <summary>Every variable name its uploads used, capped at 50 (a contact's row is as wide as its shard's names).</summary>
    [Id(33)] public List<string> VariableNames { get; set; } = [];

    public long ContactCount => ShardCounts.Sum();
}
