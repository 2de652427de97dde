namespace BroadcastGrains.Catalogue;

/// <summary>A client's message templates. Keyed by client id. Names are unique per client.</summary>
[Alias("templates")]
public interface ITemplatesGrain : IGrainWithStringKey
{
    /// <summary>Creates a pending template; the same name and body again answers the existing one.</summary>
    [Alias("create")]
    Task<TemplateCreated> CreateAsync(string name, string body);

    /// <summary>Every template, oldest first.</summary>
    [Alias("list")]
    Task<IReadOnlyList<TemplateView>> ListAsync();

    /// <summary>The template named <paramref name="name"/>, or null.</summary>
    [Alias("get")]
    Task<TemplateView?> GetAsync(string name);

    /// <summary>The operator's decision on template <paramref name="templateId"/>; null when there is no such template.</summary>
    [Alias("review")]
    Task<TemplateView?> ReviewAsync(string templateId, ApprovalStatus status);
}
