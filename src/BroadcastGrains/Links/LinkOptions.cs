using System.ComponentModel.DataAnnotations;

namespace BroadcastGrains.Links;

/// <summary>API.md "Links": <c>Broadcast__Links__BaseUrl</c>, <c>PerRecipient</c>, <c>RetentionDays</c>.</summary>
public sealed class LinkOptions
{
    public const string Section = "Broadcast:Links";

    /// <summary>What a short link starts with; empty: this silo's own URL (its first listening address).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>True: a code per recipient, clicks per recipient; false: a code per link per broadcast, totals only.</summary>
    public bool PerRecipient { get; set; } = true;

    /// <summary>Days a link keeps redirecting after its broadcast was created.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;
}
