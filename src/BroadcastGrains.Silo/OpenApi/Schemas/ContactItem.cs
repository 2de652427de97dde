using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace BroadcastGrains.Silo.OpenApi.Schemas;

/// <summary>One contact of <c>POST /v1/contact-lists/{id}/contacts</c> (JSON form; CSV has a phone column instead).</summary>
internal sealed class ContactItem
{
    [Required, Description("The number: E.164, or national with the list's region.")]
    public required string Phone { get; init; }

    [Description("Values for `{{var}}` placeholders of broadcasts to this list.")]
    public IReadOnlyDictionary<string, string>? Variables { get; init; }
}
