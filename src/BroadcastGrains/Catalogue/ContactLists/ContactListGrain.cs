using BroadcastGrains.Broadcasts;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue.ContactLists;

/// <summary>
/// A contact list: its owner, name and per-shard counts. The contacts live in <see cref="IContactShardGrain"/>s, so no
/// one grain state holds two million of them; an upload batch is validated here and merged into the shards in parallel.
/// </summary>
[GrainType("contact-list")]
internal sealed class ContactListGrain(
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
        return View();
    }

    public Task<ContactListView?> GetAsync(string clientId) => Task.FromResult(Owns(clientId) ? View() : null);

    public async Task<ContactUploadResult?> AddContactsAsync(string clientId, string uploadId, RecipientInput contacts, string? defaultRegion)
    {
        if (!Owns(clientId))
        {
            return null;
        }
        var numbers = ContactNormalizer.ValidNumbers(contacts, defaultRegion, phones, out var invalid);
        var valid = contacts.Count - invalid;
        if (State.ContactCount + valid > IContactListGrain.MaxContacts)
        {
            return new ContactUploadResult(0, 0, invalid, 0, Refused: valid);
        }
        var batches = ContactNormalizer.ByShard(contacts, numbers);
        var shards = batches.Select((batch, shard) => (batch, shard)).Where(b => b.batch is not null).ToList();
        var results = await Task.WhenAll(shards.Select(b =>
            GrainFactory.GetGrain<IContactShardGrain>(ContactShards.Key(this.GetPrimaryKeyString(), b.shard)).MergeAsync(uploadId, b.batch!)));
        var total = new ContactUploadResult(0, 0, invalid, 0);
        for (var k = 0; k < shards.Count; k++)
        {
            State.ShardCounts[shards[k].shard] += results[k].Added;
            total = total.Plus(results[k]);
        }
        if (total.Added > 0)
        {
            await list.WriteStateAsync();
        }
        return total;
    }

    public async Task<RecipientInput?> ReadAsync(string clientId)
    {
        if (!Owns(clientId))
        {
            return null;
        }
        var id = this.GetPrimaryKeyString();
        var shards = await Task.WhenAll(Enumerable.Range(0, ContactShards.Count).Where(s => State.ShardCounts[s] > 0)
            .Select(s => GrainFactory.GetGrain<IContactShardGrain>(ContactShards.Key(id, s)).ReadAsync()));
        return ContactNormalizer.Concat(shards);
    }

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

    public long ContactCount => ShardCounts.Sum();
}
