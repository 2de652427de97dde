using BroadcastGrains.PhoneNumbers;

namespace BroadcastGrains.Catalogue.ContactLists;

/// <summary>Managing a list: rename, delete, read its contacts page by page (shard by shard), remove one contact.</summary>
internal sealed partial class ContactListGrain
{
    public async Task<ContactListView?> RenameAsync(string clientId, string name)
    {
        if (!Owns(clientId))
        {
            return null;
        }
        State.Name = name;
        await list.WriteStateAsync();
        return View();
    }

    public async Task<bool> DeleteAsync(string clientId)
    {
        if (!Owns(clientId))
        {
            return false;
        }
        // The index first: a delete cut short leaves a list nobody lists rather than a listed list with no contacts.
        await GrainFactory.GetGrain<IContactListIndexGrain>(clientId).RemoveAsync(this.GetPrimaryKeyString());
        await Task.WhenAll(Enumerable.Range(0, ContactShards.Count).Where(s => State.ShardCounts[s] > 0).Select(s => Shard(s).ClearAsync()));
        await list.ClearStateAsync();
        list.State = new ContactListState();
        DeactivateOnIdle();
        return true;
    }

    public async Task<ContactPage?> ListContactsAsync(string clientId, string? cursor, int limit)
    {
        if (!Owns(clientId) || !ContactCursor.TryParse(cursor, out var shard, out var from))
        {
            return null;
        }
        var items = new List<ContactView>(Math.Min(limit, 1000));
        for (; shard < ContactShards.Count && items.Count < limit; shard++, from = 0)
        {
            if (State.ShardCounts[shard] == 0)
            {
                continue;
            }
            var page = await Shard(shard).PageAsync(from, limit - items.Count);
            for (var i = 0; i < page.Numbers.Length; i++)
            {
                items.Add(new ContactView(PhoneNumberClassifier.Format(page.Numbers[i]), Variables(page.VariableNames, page.Rows[i]),
                    new DateTimeOffset(page.AddedAtTicks[i], TimeSpan.Zero)));
            }
            if (page.More)
            {
                return new ContactPage(items, ContactCursor.Format(shard, from + page.Numbers.Length));
            }
        }
        var more = Enumerable.Range(shard, Math.Max(0, ContactShards.Count - shard)).Any(s => State.ShardCounts[s] > 0);
        return new ContactPage(items, more ? ContactCursor.Format(shard, 0) : null);
    }

    public async Task<bool> RemoveContactAsync(string clientId, long number)
    {
        if (!Owns(clientId))
        {
            return false;
        }
        var shard = ContactShards.Of(number);
        if (State.ShardCounts[shard] == 0 || !await Shard(shard).RemoveAsync(number))
        {
            return false;
        }
        State.ShardCounts[shard]--;
        await list.WriteStateAsync();
        return true;
    }

    static Dictionary<string, string> Variables(string[] names, string?[]? row)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 0; row is not null && n < row.Length && n < names.Length; n++)
        {
            if (row[n] is { } value)
            {
                variables[names[n]] = value;
            }
        }
        return variables;
    }
}
