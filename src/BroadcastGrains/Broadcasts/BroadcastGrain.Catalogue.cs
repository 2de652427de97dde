using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// The client's catalogue in a create: <c>from</c> must be an approved sender, <c>templateName</c> an approved template
/// (its body is used), <c>listIds</c> the client's contact lists (read and merged).
/// </summary>
internal sealed partial class BroadcastGrain
{
    /// <summary>The command with the template's body and the lists' recipients filled in, or why it cannot run.</summary>
    internal sealed record CatalogueResolution(CreateBroadcastCommand Command, bool FromLists, BroadcastError? Error)
    {
        public static CatalogueResolution Refused(BroadcastError error) => new(null!, false, error);
    }

    async Task<CatalogueResolution> ResolveCatalogueAsync(CreateBroadcastCommand command)
    {
        if (await SenderRefusalAsync(command.ClientId, command.From) is { } notApproved)
        {
            return CatalogueResolution.Refused(notApproved);
        }
        if (command.TemplateName is { } name)
        {
            var template = await GrainFactory.GetGrain<ITemplatesGrain>(command.ClientId).GetAsync(name);
            if (template is null)
            {
                return CatalogueResolution.Refused(BroadcastError.Field(ErrorCodes.TemplateNotFound, "templateName", $"no template named '{name}'"));
            }
            if (template.Status != ApprovalStatus.Approved)
            {
                return CatalogueResolution.Refused(BroadcastError.Field(ErrorCodes.TemplateNotApproved, "templateName",
                    $"template '{name}' is {template.Status.ToApiName()}, not approved"));
            }
            command = command with { Body = template.Body };
        }
        if (command.ListIds is not { Count: > 0 } listIds)
        {
            return new CatalogueResolution(command, false, null);
        }
        var lists = new List<RecipientInput>();
        foreach (var listId in listIds.Distinct(StringComparer.Ordinal))
        {
            var contacts = CatalogueIds.IsWellFormed(listId, CatalogueIds.ContactList)
                ? await GrainFactory.GetGrain<IContactListGrain>(listId).ReadAsync(command.ClientId)
                : null;
            if (contacts is null)
            {
                return CatalogueResolution.Refused(BroadcastError.Field(ErrorCodes.ListNotFound, "listIds", $"no contact list '{listId}'"));
            }
            lists.Add(contacts);
        }
        var merged = RecipientInputs.Concat(lists);
        if (merged.Count > BroadcastValidator.MaxRecipients)
        {
            return CatalogueResolution.Refused(BroadcastError.Field(ErrorCodes.TooManyRecipients, "listIds",
                $"the lists hold {merged.Count} contacts; at most {BroadcastValidator.MaxRecipients}"));
        }
        if (merged.Count == 0)
        {
            return CatalogueResolution.Refused(BroadcastError.Field(ErrorCodes.NoRecipients, "listIds", "the lists hold no contacts"));
        }
        return new CatalogueResolution(command with { Recipients = merged }, true, null);
    }

    /// <summary>SENDER_NOT_APPROVED unless <paramref name="from"/> is an approved sender of the client or shared with it.</summary>
    async Task<BroadcastError?> SenderRefusalAsync(string clientId, string from) =>
        await GrainFactory.GetGrain<ISendersGrain>(clientId).CanSendFromAsync(from)
            ? null
            : BroadcastError.Field(ErrorCodes.SenderNotApproved, "from",
                $"'{from}' is not an approved sender of this client (register it with POST /v1/senders)");
}
