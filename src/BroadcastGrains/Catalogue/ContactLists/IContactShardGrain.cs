namespace BroadcastGrains.Catalogue.ContactLists;

/// <summary>
/// One shard of a contact list: the contacts whose number hashes to it (see <see cref="ContactShards"/>), at most
/// ~2,000,000 / <see cref="ContactShards.Count"/> of them. Keyed <c>{listId}/{shard}</c>.
/// </summary>
[Alias("contact-shard")]
internal interface IContactShardGrain : IGrainWithStringKey
{
    /// <summary>Adds or updates contacts; a number seen before in the same upload counts as a duplicate.</summary>
    [Alias("merge")]
    Task<ContactUploadResult> MergeAsync(string uploadId, ContactBatch batch, DateTimeOffset addedAt);

    /// <summary>Every contact of the shard.</summary>
    [Alias("read")]
    Task<ContactBatch> ReadAsync();

    /// <summary>Up to <paramref name="limit"/> contacts from position <paramref name="from"/>, in the order they were added.</summary>
    [Alias("page")]
    Task<ContactPageSlice> PageAsync(int from, int limit);

    /// <summary>Removes one contact; false when the shard does not hold it.</summary>
    [Alias("remove")]
    Task<bool> RemoveAsync(long number);

    /// <summary>Forgets every contact (the list was deleted).</summary>
    [Alias("clear")]
    Task ClearAsync();
}

/// <summary>
/// A page of a shard: numbers, each one's variables as a row over <see cref="VariableNames"/> (null for none) and when it
/// was added (UTC ticks); <see cref="More"/> when the shard holds contacts after it.
/// </summary>
[GenerateSerializer, Immutable, Alias("contact-page-slice")]
internal sealed record ContactPageSlice(
    [property: Id(0)] long[] Numbers,
    [property: Id(1)] string[] VariableNames,
    [property: Id(2)] string?[]?[] Rows,
    [property: Id(3)] long[] AddedAtTicks,
    [property: Id(4)] bool More);

/// <summary>Contacts in columns: numbers (E.164 digits) and, for those that have any, their variables by name.</summary>
[GenerateSerializer, Immutable, Alias("contact-batch")]
internal sealed record ContactBatch(
    [property: Id(0)] long[] Numbers,
    [property: Id(1)] string[] VariableNames,
    [property: Id(2)] int[] RowIndexes,
    [property: Id(3)] string?[][] Rows);
