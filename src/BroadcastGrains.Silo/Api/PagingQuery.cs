using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api;

/// <summary>Checks <c>limit</c> (default 100, 1…1000) and the shape of <c>cursor</c>.</summary>
internal static class PagingQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>The problem with <paramref name="text"/>, or null when <paramref name="limit"/> is good.</summary>
    public static ProblemHttpResult? CheckLimit(string? text, out int limit)
    {
        limit = DefaultLimit;
        if (text is null
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit))
        {
            return null;
        }
        return ApiProblems.Validation("limit", $"limit must be an integer from 1 to {MaxLimit}");
    }

    /// <summary>
    /// The problem with a cursor that is not of the shape this API issues: a number (<paramref name="pair"/> false) or
    /// two joined by a dash (a partition and an index). A cursor of another shape never restarts the listing silently.
    /// </summary>
    public static ProblemHttpResult? CheckCursor(string? cursor, bool pair = false)
    {
        if (cursor is null)
        {
            return null;
        }
        var dash = cursor.IndexOf('-', StringComparison.Ordinal);
        var wellFormed = pair
            ? dash > 0 && IsNumber(cursor.AsSpan(0, dash)) && IsNumber(cursor.AsSpan(dash + 1))
            : IsNumber(cursor);
        return wellFormed ? null : ApiProblems.Validation("cursor", "cursor is not one this API gave");
    }

    /// <summary>As <see cref="CheckCursor(string?, bool)"/> for a numeric cursor, answering its value (null without one).</summary>
    public static ProblemHttpResult? CheckCursor(string? cursor, out long? position)
    {
        position = cursor is not null && long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
        return cursor is null || position is not null ? null : CheckCursor(cursor);
    }

    static bool IsNumber(ReadOnlySpan<char> text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
