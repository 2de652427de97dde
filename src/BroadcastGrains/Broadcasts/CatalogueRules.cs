using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// What a create may take from the client's catalogue: an approved sender, an approved template, and contact lists
/// that exist and together hold between one and <see cref="BroadcastValidator.MaxRecipients"/> contacts.
/// </summary>
internal static class CatalogueRules
{
    public static BroadcastError SenderNotApproved(string from) => BroadcastError.Field(ErrorCodes.SenderNotApproved, "from",
        $"'{from}' is not an approved sender of this client (register it with POST /v1/senders)");

    /// <summary>TEMPLATE_NOT_FOUND or TEMPLATE_NOT_APPROVED, or null when the template may be used.</summary>
    public static BroadcastError? RefuseTemplate(string name, TemplateView? template) => template switch
    {
        null => BroadcastError.Field(ErrorCodes.TemplateNotFound, "templateName", $"no template named '{name}'"),
        { Status: not ApprovalStatus.Approved } => BroadcastError.Field(ErrorCodes.TemplateNotApproved, "templateName",
            $"template '{name}' is {template.Status.ToApiName()}, not approved"),
        _ => null,
    };

    /// <summary>Only a well-formed contact-list id is looked up; any other is simply not found.</summary>
    public static bool MayExist(string listId) => CatalogueIds.IsWellFormed(listId, CatalogueIds.ContactList);

    public static BroadcastError ListNotFound(string listId) =>
        BroadcastError.Field(ErrorCodes.ListNotFound, "listIds", $"no contact list '{listId}'");

    /// <summary>The lists' contacts as one recipient input, or why they cannot be the recipients.</summary>
    public static (RecipientInput? Merged, BroadcastError? Error) Merge(IReadOnlyList<RecipientInput> lists)
    {
        var merged = RecipientInputs.Concat(lists);
        if (merged.Count > BroadcastValidator.MaxRecipients)
        {
            return (null, BroadcastError.Field(ErrorCodes.TooManyRecipients, "listIds",
                $"the lists hold {merged.Count} contacts; at most {BroadcastValidator.MaxRecipients}"));
        }
        return merged.Count == 0
            ? (null, BroadcastError.Field(ErrorCodes.NoRecipients, "listIds", "the lists hold no contacts"))
            : (merged, null);
    }
}
