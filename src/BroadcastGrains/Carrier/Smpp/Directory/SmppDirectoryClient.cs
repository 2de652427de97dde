namespace BroadcastGrains.Carrier.Smpp.Directory;

/// <summary>
/// Talks to the directory shards in batches: splits a list of keys by shard, calls the shards in parallel (one call
/// each) and puts the answers back in the list's order. Two SMSCs may hand out the same message ids, so every key of a
/// connector is prefixed with <paramref name="keyPrefix"/> (empty for the connector named <c>smpp</c>, so entries
/// registered before named connectors existed still resolve).
/// </summary>
internal sealed class SmppDirectoryClient(IGrainFactory grains, string keyPrefix = "")
{
    ISmppMessageDirectoryGrain Shard(int shard) => grains.GetGrain<ISmppMessageDirectoryGrain>(shard);

    /// <summary>The prefix of this connector's keys.</summary>
    public string KeyPrefix => keyPrefix;

    public Task RegisterAsync(IReadOnlyList<string> keys, IReadOnlyList<DirectoryEntry> entries, bool byAddress)
    {
        var prefixed = Prefixed(keys);
        return Task.WhenAll(DirectoryShards.Group(prefixed).Select(group => Shard(group.Key).RegisterAsync(new DirectoryRegistration(
            [.. group.Value.Select(i => prefixed[i])], [.. group.Value.Select(i => entries[i])], byAddress))));
    }

    public Task<DirectoryEntry?[]> ResolveAsync(IReadOnlyList<string> ids) =>
        GatherAsync(Prefixed(ids), (shard, keys) => Shard(shard).ResolveAsync(keys));

    public Task<DirectoryEntry?[]> ClaimByAddressAsync(IReadOnlyList<string> addressKeys) =>
        GatherAsync(Prefixed(addressKeys), (shard, keys) => Shard(shard).ClaimByAddressAsync(keys));

    public Task ForgetAsync(IReadOnlyList<string> ids)
    {
        var prefixed = Prefixed(ids);
        return Task.WhenAll(DirectoryShards.Group(prefixed).Select(group =>
            Shard(group.Key).ForgetAsync([.. group.Value.Select(i => prefixed[i])])));
    }

    IReadOnlyList<string> Prefixed(IReadOnlyList<string> keys) =>
        keyPrefix.Length == 0 ? keys : [.. keys.Select(k => keyPrefix + k)];

    public async Task<PartVerdict[]> AggregateAsync(IReadOnlyList<PartReport> reports)
    {
        var keys = reports.Select(r => r.Entry.MessageKey!).ToList();
        var verdicts = new PartVerdict[reports.Count];
        await Task.WhenAll(DirectoryShards.Group(keys).Select(async group =>
        {
            var answers = await Shard(group.Key).AggregateAsync([.. group.Value.Select(i => reports[i])]);
            for (var k = 0; k < answers.Length; k++)
            {
                verdicts[group.Value[k]] = answers[k];
            }
        }));
        return verdicts;
    }

    static async Task<DirectoryEntry?[]> GatherAsync(IReadOnlyList<string> keys, Func<int, string[], Task<DirectoryEntry?[]>> call)
    {
        var entries = new DirectoryEntry?[keys.Count];
        await Task.WhenAll(DirectoryShards.Group(keys).Select(async group =>
        {
            var answers = await call(group.Key, [.. group.Value.Select(i => keys[i])]);
            for (var k = 0; k < answers.Length; k++)
            {
                entries[group.Value[k]] = answers[k];
            }
        }));
        return entries;
    }
}
