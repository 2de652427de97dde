namespace BroadcastGrains.Catalogue;

/// <summary>One condition of a smart list on a contact's variable: <c>equals</c>, <c>notEquals</c>, <c>exists</c>, <c>notExists</c> or <c>contains</c>.</summary>
[GenerateSerializer, Immutable, Alias("smart-list-condition")]
public sealed record SmartListCondition(
    [property: Id(0)] string Variable,
    [property: Id(1)] string Op,
    [property: Id(2)] string? Value);
