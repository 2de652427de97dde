using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// The client's catalogue in a create: reads the sender, template and contact lists <see cref="CatalogueRules"/> judges.
/// </summary>
internal sealed partial class BroadcastGrain
{
    async Task<CatalogueResolution> ResolveCatalogueAsync(CreateBroadcastCommand command)
    {
        if (await SenderRefusalAsync(command.ClientId, command.From) is { } notApproved)
        {
            return CatalogueResolution.Refused(notApproved);
        }
        if (command.TemplateName is { } name)
        {
            var template = await GrainFactory.GetGrain<ITemplatesGrain>(command.ClientId).GetAsync(name);
            if (CatalogueRules.RefuseTemplate(name, template) is { } refused)
            {
                return CatalogueResolution.Refused(refused);
            }
            command = command with { Body = template!.Body };
        }
        var definition = BroadcastDefinition.Of(command);
        if (!definition.FromAudience)
        {
            return new CatalogueResolution(command, false, null);
        }
        var (merged, error) = await ReadAudienceAsync(command.ClientId, definition);
        return error is null ? new CatalogueResolution(command with { Recipients = merged! }, true, null) : CatalogueResolution.Refused(error);
    }

    /// <summary>The contacts of the lists now, merged (a contact in two lists once it is normalised), or why they cannot be sent to.</summary>
    async Task<(RecipientInput? Merged, BroadcastError? Error)> ReadListsAsync(string clientId, IReadOnlyList<string> listIds)
    {
        var lists = new List<RecipientInput>();
        foreach (var listId in listIds.Distinct(StringComparer.Ordinal))
        {
            var contacts = CatalogueRules.MayExist(listId) ? await GrainFactory.GetGrain<IContactListGrain>(listId).ReadAsync(clientId) : null;
            if (contacts is null)
            {
                return (null, CatalogueRules.ListNotFound(listId));
            }
            lists.Add(contacts);
        }
        return CatalogueRules.Merge(lists);
    }

    /// <summary>SENDER_NOT_APPROVED unless <paramref name="from"/> is an approved sender of the client or shared with it.</summary>
    async Task<BroadcastError?> SenderRefusalAsync(string clientId, string from) =>
        await GrainFactory.GetGrain<ISendersGrain>(clientId).CanSendFromAsync(from) ? null : CatalogueRules.SenderNotApproved(from);
}
