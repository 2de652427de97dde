using BroadcastGrains.Links;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// <c>trackLinks</c>: a created broadcast takes a link block from the directory and registers what its codes stand
/// for; a precheck or dry run measures with a stand-in block (every code is as long), so it reserves nothing.
/// </summary>
internal sealed partial class BroadcastGrain
{
    /// <summary><paramref name="definition"/> with the links of its body tracked, when it asks for that.</summary>
    async Task<BroadcastDefinition> WithLinksAsync(BroadcastDefinition definition, bool persist)
    {
        if (!definition.TrackLinks || definition.Body is null)
        {
            return definition;
        }
        var settings = ServiceProvider.GetRequiredService<IOptions<LinkOptions>>().Value;
        var (block, key) = persist
            ? await GrainFactory.GetGrain<ILinkDirectoryGrain>(ILinkDirectoryGrain.Key).ReserveAsync()
            : (0L, 0UL);
        var links = new TrackedLinks(block, key, LinkRewriter.Collect(definition.Body), settings.PerRecipient,
            LinkBaseUrls.Of(settings), options.Value.PartitionSize);
        return definition with { Links = links };
    }

    /// <summary>Makes the broadcast's codes redirect: after its plan succeeded, before its answer.</summary>
    Task RegisterLinksAsync(BroadcastDefinition definition, string clientId)
    {
        if (definition.Links is not { } links)
        {
            return Task.CompletedTask;
        }
        var retention = ServiceProvider.GetRequiredService<IOptions<LinkOptions>>().Value.RetentionDays;
        var block = new LinkBlock(Id, clientId, links.Urls, links.PerRecipient, links.PartitionSize,
            time.GetUtcNow().AddDays(retention));
        return GrainFactory.GetGrain<ILinkBlockGrain>(links.Block).RegisterAsync(block);
    }

    /// <summary>The broadcast's click totals; none without tracked links.</summary>
    async Task<BroadcastView> WithClicksAsync(BroadcastView view) => State.Definition?.TrackLinks == true
        ? view with { Clicks = await GrainFactory.GetGrain<IBroadcastClicksGrain>(Id).GetAsync() }
        : view;
}
