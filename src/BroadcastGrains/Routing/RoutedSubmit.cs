using BroadcastGrains.Carrier;

namespace BroadcastGrains.Routing;

/// <summary>
/// One batch through the routing table: each message gets its route (a trie walk, see <see cref="RecipientRouter"/>),
/// messages without one are refused as <c>no_route</c> or <c>mms_not_supported</c> (never charged), the rest are
/// grouped by the connector their route picks now, and each group goes to its connector's link as columns. A message
/// whose route has no connector up is answered <see cref="SubmitStatus.RetryLater"/>: it stays pending and is picked
/// again at its next batch, so it waits within its validity. Only messages that were never written are picked again
/// (pending ones); what a link accepted is sent on that link, so failover never sends a message twice.
/// </summary>
public static class RoutedSubmit
{
    /// <summary>The <see cref="SubmitResult.Error"/> of a message no route takes.</summary>
    public const string NoRoute = "no_route";

    /// <summary>The <see cref="SubmitResult.Error"/> of an MMS whose route has no connector carrying MMS.</summary>
    public const string MmsNotSupported = "mms_not_supported";

    /// <summary>The <see cref="SubmitResult.Error"/> of a message waiting because none of its route's connectors is up.</summary>
    public const string NoConnectorUp = "no_connector_up";

    /// <summary>
    /// Routes and submits <paramref name="batch"/> by <paramref name="table"/>; <paramref name="links"/>[i] is the link
    /// of connector i (configuration order). Throws only when no message reached any connector.
    /// </summary>
    public static async ValueTask SubmitAsync(CompiledRoutes table, IConnectorStates states, IReadOnlyList<ICarrierLink> links,
        SubmitBatch batch, Memory<SubmitResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(batch);
        var routing = batch.Routing ?? new BatchRouting(null, null, batch.MediaUrls is { Count: > 0 }, new string?[batch.Count]);
        var chosen = Choose(table, states, links, batch, routing, results.Span);
        // Each connector's group goes at once: a group waiting on its connector's rate never holds back another's.
        var groups = new List<(int Connector, SubmitResult[] Answers, Task Submit)>();
        for (var connector = 0; connector < links.Count; connector++)
        {
            if (Group(batch, chosen, connector) is { } group)
            {
                var answers = new SubmitResult[group.Count];
                groups.Add((connector, answers, SubmitGroupAsync(links[connector], group, answers, cancellationToken)));
            }
        }
        Exception? failure = null;
        var reached = false;
        foreach (var (connector, answers, submit) in groups)
        {
            try
            {
                await submit;
                reached = true;
            }
            catch (Exception e)
            {
                // The link took none of its group (links throw only then): those messages wait for another batch.
                failure ??= e;
                answers.AsSpan().Fill(new SubmitResult(SubmitStatus.RetryLater, null, e.Message));
            }
            Scatter(chosen, connector, answers, results.Span);
        }
        if (failure is not null && !reached)
        {
            // Nothing reached any connector: the partition puts the whole batch back (refusals here are decided again).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>Each message's connector, or -1 (refused or waiting; its result is written here).</summary>
    static int[] Choose(CompiledRoutes table, IConnectorStates states, IReadOnlyList<ICarrierLink> links, SubmitBatch batch,
        BatchRouting routing, Span<SubmitResult> results)
    {
        var router = new RecipientRouter(table, routing.ClientId, routing.ForcedRoute, routing.IsMms);
        var chosen = new int[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var region = routing.Regions[i];
            var route = region is null && routing.ForcedRoute is null ? -1 : router.RouteOf(batch.Numbers[i], region ?? "");
            var verdict = router.Check(route);
            chosen[i] = -1;
            routing.Routes[i] = route >= 0 ? table[route].Code : null;
            routing.Connectors[i] = null;
            if (verdict != RouteVerdict.Routed)
            {
                results[i] = new SubmitResult(SubmitStatus.Rejected, null,
                    verdict == RouteVerdict.MmsNotSupported ? MmsNotSupported : NoRoute);
                continue;
            }
            var connector = router.ConnectorFor(route, states, batch.Segments[i]);
            if (connector < 0 || connector >= links.Count)
            {
                results[i] = new SubmitResult(SubmitStatus.RetryLater, null, NoConnectorUp);
                continue;
            }
            chosen[i] = connector;
            routing.Connectors[i] = links[connector].Name;
        }
        return chosen;
    }

    // Awaited inside, so even a link that throws before its first await fails only its own group's task.
    static async Task SubmitGroupAsync(ICarrierLink link, SubmitBatch group, SubmitResult[] answers, CancellationToken cancellationToken) =>
        await link.SubmitAsync(group, answers, cancellationToken);

    static SubmitBatch? Group(SubmitBatch batch, int[] chosen, int connector)
    {
        var count = 0;
        foreach (var c in chosen)
        {
            count += c == connector ? 1 : 0;
        }
        if (count == 0)
        {
            return null;
        }
        if (count == batch.Count)
        {
            return batch with { Routing = null };
        }
        var (indexes, numbers, bodies, segments) = (new int[count], new long[count], new string[count], new byte[count]);
        for (int i = 0, k = 0; i < batch.Count; i++)
        {
            if (chosen[i] == connector)
            {
                (indexes[k], numbers[k], bodies[k], segments[k]) = (batch.Indexes[i], batch.Numbers[i], batch.Bodies[i], batch.Segments[i]);
                k++;
            }
        }
        return new SubmitBatch(batch.PartitionKey, batch.From, indexes, numbers, bodies, segments, batch.MediaUrls, count);
    }

    static void Scatter(int[] chosen, int connector, SubmitResult[] answers, Span<SubmitResult> results)
    {
        for (int i = 0, k = 0; i < chosen.Length; i++)
        {
            if (chosen[i] == connector)
            {
                results[i] = answers[k++];
            }
        }
    }
}
