namespace BroadcastGrains.Catalogue;

/// <summary>A message template a client registered (API.md <c>/v1/templates</c>).</summary>
[GenerateSerializer, Immutable, Alias("template-view")]
public sealed record TemplateView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Body,
    [property: Id(3)] ApprovalStatus Status,
    [property: Id(4)] DateTimeOffset CreatedAt);

/// <summary>The answer to creating a template: the template, or a name already used with another body.</summary>
[GenerateSerializer, Immutable, Alias("template-created")]
public sealed record TemplateCreated(
    [property: Id(0)] TemplateView Template,
    [property: Id(1)] bool Created,
    [property: Id(2)] bool NameTaken);
