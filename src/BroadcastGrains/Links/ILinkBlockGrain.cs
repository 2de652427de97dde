namespace BroadcastGrains.Links;

/// <summary>One link block, keyed by its number: written once when its broadcast is created, read by every redirect's silo once.</summary>
[Alias("link-block-grain")]
public interface ILinkBlockGrain : IGrainWithIntegerKey
{
    [Alias("register")]
    Task RegisterAsync(LinkBlock block);

    /// <summary>The block, or null when none was registered or it has expired (and is then forgotten).</summary>
    [Alias("get")]
    Task<LinkBlock?> GetAsync();
}
