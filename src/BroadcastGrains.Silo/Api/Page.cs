namespace BroadcastGrains.Silo.Api;

/// <summary>Every list of the API: <c>{items, nextCursor, hasMore}</c>.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, bool HasMore)
{
    public static Page<T> Of(IReadOnlyList<T> items, string? next) => new(items, next, next is not null);
}
