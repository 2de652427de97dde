namespace BroadcastGrains.Catalogue;

/// <summary>
/// A field a patch sets, to <see cref="Value"/> (which may be null: "clear it"). A patch leaves the fields it has no
/// <see cref="Change{T}"/> for as they are, so "not given" and "set to null" stay apart.
/// </summary>
[GenerateSerializer, Immutable, Alias("change`1")]
public sealed record Change<T>([property: Id(0)] T Value);
