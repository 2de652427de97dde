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
    Task<ContactUploadResult> MergeAsync(string uploadId, ContactBatch batch);

    /// <summary>Every contact of the shard.</summary>
    [Alias("read")]
    Task<ContactBatch> ReadAsync();
}

/// <summary>Contacts in columns: numbers (E.164 digits) and, for those that have any, their variables by name.</summary>
[GenerateSerializer, Immutable, Alias("contact-batch")]
internal sealed record ContactBatch(
    [property: Id(0)] long[] Numbers,
    [property: Id(1)] string[] VariableNames,
    [property: Id(2)] int[] RowIndexes,
    [property: Id(3)] string?[][] Rows);
