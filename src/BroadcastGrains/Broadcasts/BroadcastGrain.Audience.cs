using BroadcastGrains.Catalogue;
using BroadcastGrains.Catalogue.SmartLists;
using BroadcastGrains.Messages;
using BroadcastGrains.Partitions;
using BroadcastGrains.Pricing;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Audiences read when a run starts: a broadcast on contact lists (or a smart list) that starts a run later than its
/// create — by its schedule, a recurrence, send-now or approval — sends to the lists as they are then, not as they were
/// at create (run 1's prepared partitions) or at run 1 (what later runs would clone).
/// </summary>
internal sealed partial class BroadcastGrain
{
    /// <summary>
    /// True when the run's recipients are read now. Inside the create itself the partitions were just prepared from the
    /// lists, so reading them again would only cost time.
    /// </summary>
    bool ResolvesAudienceAtStart => State.Definition!.FromAudience && !State.Creating;

    /// <summary>
    /// Reads the audience and prepares run <paramref name="run"/>'s partitions from it (as many as it needs now, which
    /// may differ from run 1's). A list deleted since, or lists now empty, refuse the run and prepare nothing.
    /// </summary>
    async Task<(PartitionEstimate[]? Estimates, BroadcastError? Error)> ResolveAudienceAsync(int run)
    {
        var definition = State.Definition!;
        var (contacts, refused) = await ReadAudienceAsync(State.ClientId!, definition);
        if (refused is not null)
        {
            return (null, refused);
        }
        if (RenderedLengthRule.Check(definition.SentBody, contacts!.Variables, definition.Variables, contacts.Count) is { } tooLong)
        {
            return (null, tooLong);
        }
        // Stored contacts are E.164 already; de-duplication across lists is the only normalising left.
        var recipients = RecipientNormalizer.Normalize(contacts, null, DuplicatePolicy.Skip, phones);
        var prices = await GrainFactory.GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).GetAsync();
        var slices = PartitionSlicer.Slice(recipients, options.Value.PartitionSize, State.ClientId!, Id, BroadcastMessage.Of(definition),
            prices, State.RefundFailed);
        if (run == FirstRun && State.PartitionCount > slices.Length)
        {
            // The partitions prepared at create beyond the ones needed now would otherwise linger with old contacts.
            await Task.WhenAll(Partitions(FirstRun, State.PartitionCount).Skip(slices.Length).Select(p => p.DiscardAsync()));
        }
        var estimates = await Task.WhenAll(Partitions(run, slices.Length).Zip(slices, (grain, slice) => grain.PrepareAsync(slice, persist: true)));
        if (estimates.FirstOrDefault(e => e.Error is not null)?.Error is { } invalid)
        {
            await DiscardRunAsync(run, estimates.Length);
            return (null, invalid);
        }
        (State.RecipientCount, State.DuplicateCount) = (recipients.Count, recipients.DuplicateCount);
        return (estimates, null);
    }

    /// <summary>The audience's contacts now: the lists merged, or the smart list's matching contacts.</summary>
    async Task<(RecipientInput? Merged, BroadcastError? Error)> ReadAudienceAsync(string clientId, BroadcastDefinition definition)
    {
        if (definition.SmartListSlug is not { } slug)
        {
            return await ReadListsAsync(clientId, definition.ListIds ?? []);
        }
        if (await GrainFactory.GetGrain<ISmartListsGrain>(clientId).GetAsync(slug) is not { } smart)
        {
            return (null, BroadcastError.Field(ErrorCodes.SmartListNotFound, "smartListSlug", $"no smart list '{slug}'"));
        }
        var (contacts, error) = await ReadListsAsync(clientId, smart.ListIds);
        if (error is not null)
        {
            return (null, error);
        }
        var matching = SmartListMatcher.Filter(contacts!, smart.Where);
        return matching.Count == 0
            ? (null, BroadcastError.Field(ErrorCodes.NoRecipients, "smartListSlug", $"no contact matches smart list '{slug}'"))
            : (matching, null);
    }

    /// <summary>Drops the partitions a run prepared but never started.</summary>
    Task DiscardRunAsync(int run, int count) => Task.WhenAll(Partitions(run, count).Select(p => p.DiscardAsync()));
}
