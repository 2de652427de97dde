using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace BroadcastGrains.Silo.OpenApi.Schemas;

/// <summary>One recipient with its template variables (a plain E.164 string is accepted too).</summary>
internal sealed class RecipientItem
{
    [Required, Description("The number: E.164, or national with `defaultRegion`.")]
    public required string To { get; init; }

    [Description("Values for the body's `{{var}}` placeholders.")]
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}

/// <summary><c>{"start":"09:00","end":"20:00"}</c>.</summary>
internal sealed class DeliveryWindowBody
{
    [Required, Description("HH:mm")]
    public required string Start { get; init; }

    [Required, Description("HH:mm")]
    public required string End { get; init; }
}
