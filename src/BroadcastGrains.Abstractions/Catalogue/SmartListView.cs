namespace BroadcastGrains.Catalogue;

/// <summary>A smart list: the contacts of <see cref="ListIds"/> that match every condition of <see cref="Where"/>, resolved when read.</summary>
[GenerateSerializer, Immutable, Alias("smart-list-view")]
public sealed record SmartListView(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> ListIds,
    [property: Id(3)] IReadOnlyList<SmartListCondition> Where);
