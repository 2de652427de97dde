using System.ComponentModel.DataAnnotations;

namespace BroadcastGrains.Silo.Limits;

/// <summary>
/// The <c>Broadcast:Http:AnonymousLimit</c> section: how many <c>/v1</c> requests without valid credentials one source
/// address may make. Authenticated traffic never counts, so the limit can be low: a real client that lost its key sees a
/// few 401s, a scanner trying keys sees 429s.
/// </summary>
public sealed class AnonymousLimitOptions
{
    public const string Section = "Broadcast:Http:AnonymousLimit";

    /// <summary>Requests one address may make at once before it must wait.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 30;

    /// <summary>How many of those come back each minute.</summary>
    [Range(1, 1_000_000)]
    public int PerMinute { get; set; } = 60;
}
