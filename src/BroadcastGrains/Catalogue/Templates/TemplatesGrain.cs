using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue.Templates;

/// <summary>A client's templates. A new one records its owner first, so the operator can review it by id.</summary>
[GrainType("templates")]
internal sealed class TemplatesGrain(
    [PersistentState("templates", StorageNames.Grains)] IPersistentState<TemplatesState> templates,
    TimeProvider time)
    : Grain, ITemplatesGrain
{
    public async Task<TemplateCreated> CreateAsync(string name, string body)
    {
        if (Find(name) is { } existing)
        {
            return new TemplateCreated(existing, Created: false, NameTaken: existing.Body != body);
        }
        var template = new TemplateView(CatalogueIds.New(CatalogueIds.Template), name, body, ApprovalStatus.Pending, time.GetUtcNow());
        await GrainFactory.GetGrain<ICatalogueEntryGrain>(template.Id).ClaimAsync(this.GetPrimaryKeyString());
        templates.State.Templates.Add(template);
        await templates.WriteStateAsync();
        return new TemplateCreated(template, Created: true, NameTaken: false);
    }

    public Task<IReadOnlyList<TemplateView>> ListAsync() => Task.FromResult<IReadOnlyList<TemplateView>>([.. templates.State.Templates]);

    public Task<TemplateView?> GetAsync(string name) => Task.FromResult(Find(name));

    public async Task<TemplateView?> ReviewAsync(string templateId, ApprovalStatus status)
    {
        var list = templates.State.Templates;
        var at = list.FindIndex(t => t.Id == templateId);
        if (at < 0)
        {
            return null;
        }
        if (list[at].Status != status)
        {
            list[at] = list[at] with { Status = status };
            await templates.WriteStateAsync();
        }
        return list[at];
    }

    TemplateView? Find(string name) => templates.State.Templates.Find(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}

[GenerateSerializer, Alias("templates-state")]
internal sealed class TemplatesState
{
    [Id(0)] public List<TemplateView> Templates { get; set; } = [];
}
