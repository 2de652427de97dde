using BroadcastGrains.Catalogue;
using BroadcastGrains.Messages;
using BroadcastGrains.Partitions;
using BroadcastGrains.Pricing;
using BroadcastGrains.Routing;

namespace BroadcastGrains.Broadcasts;

/// <summary>Planning: validate, normalise, cut into partitions, let each partition validate and price its slice.</summary>
internal sealed partial class BroadcastGrain
{
    const int UnroutableSample = 100;

    async Task<BroadcastPlan> PlanAsync(CreateBroadcastCommand command, bool persist, DuplicatePolicy duplicates)
    {
        if (BroadcastValidator.Validate(command, time.GetUtcNow()) is { } invalid)
        {
            return BroadcastPlan.Refused(invalid);
        }
        var client = await GrainFactory.GetGrain<IClientGrain>(command.ClientId).GetAsync();
        if (client is null)
        {
            return BroadcastPlan.Refused(new BroadcastError(ErrorCodes.NotFound, $"no client '{command.ClientId}'"));
        }
        if (command.Route is { } route && !(await GrainFactory.GetGrain<IRoutesGrain>(IRoutesGrain.Key).GetAsync()).Has(route))
        {
            return BroadcastPlan.Refused(BroadcastError.Field(ErrorCodes.RouteNotFound, "route", $"no route '{route}' in the routing table"));
        }
        // Sender, template and contact lists come from the client's catalogue; lists are merged (duplicates skipped).
        var resolved = await ResolveCatalogueAsync(command);
        if (resolved.Error is not null)
        {
            return BroadcastPlan.Refused(resolved.Error);
        }
        (command, duplicates) = (resolved.Command, resolved.FromLists ? DuplicatePolicy.Skip : duplicates);
        var definition = BroadcastDefinition.Of(command);
        if (RenderedLengthRule.Check(definition.SentBody, command.Recipients.Variables, command.Variables, command.Recipients.Count) is { } tooLong)
        {
            return BroadcastPlan.Refused(tooLong);
        }
        var prices = await GrainFactory.GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).GetAsync();
        var recipients = RecipientNormalizer.Normalize(command.Recipients, command.DefaultRegion, duplicates, phones);
        if (PlanningRules.RefuseDuplicates(duplicates, recipients) is { } duplicated)
        {
            return BroadcastPlan.Refused(duplicated);
        }
        definition = await WithLinksAsync(definition, persist);
        var message = BroadcastMessage.Of(definition);
        var slices = PartitionSlicer.Slice(recipients, options.Value.PartitionSize, command.ClientId, Id, message, prices,
            client.RefundFailed);
        var state = PlanningRules.NewState(command, recipients, slices.Length, client.RefundFailed, time.GetUtcNow());
        state.Definition = definition;
        var estimates = await Task.WhenAll(Partitions(FirstRun, slices.Length).Zip(slices, (grain, slice) => grain.PrepareAsync(slice, persist)));
        if (estimates.FirstOrDefault(e => e.Error is not null)?.Error is { } refused)
        {
            await Task.WhenAll(Partitions(FirstRun, slices.Length).Select(p => p.DiscardAsync()));
            return BroadcastPlan.Refused(refused);
        }
        PlanFigures.Apply(state, estimates);
        if (persist)
        {
            await RegisterLinksAsync(definition, command.ClientId);
        }
        var unroutable = estimates.SelectMany(e => e.Unroutable).Take(UnroutableSample).ToList();
        return new BroadcastPlan(state, client, estimates.Sum(e => e.Segments), unroutable, null);
    }
}
