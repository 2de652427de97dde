using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api;

/// <summary>Checks <c>limit</c> (default 100, 1…1000) as API.md gives it.</summary>
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
}
