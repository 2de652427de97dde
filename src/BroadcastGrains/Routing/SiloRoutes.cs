using BroadcastGrains.Carrier.Connectors;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Routing;

/// <summary>
/// This silo's compiled copy of the routing table. A reader gets the copy at hand; when it is older than
/// <see cref="RefreshEvery"/>, one reader asks the routes grain whether the version changed (a small call answering
/// null when not) and swaps in the new table. So a change reaches every silo within about a second, for messages not
/// yet submitted, without a call per batch. The silo that stored a change takes it at once.
/// </summary>
public sealed partial class SiloRoutes(IGrainFactory grains, ConnectorRegistry connectors, TimeProvider time, ILogger<SiloRoutes> logger)
{
    /// <summary>How stale the copy may get before a reader checks the version.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(1);

    readonly Lock gate = new();
    CompiledRoutes? current;
    DateTimeOffset checkedAt = DateTimeOffset.MinValue;
    Task<CompiledRoutes>? refreshing;

    /// <summary>The table to route by now.</summary>
    public ValueTask<CompiledRoutes> GetAsync()
    {
        lock (gate)
        {
            if (current is not null && time.GetUtcNow() - checkedAt < RefreshEvery)
            {
                return ValueTask.FromResult(current);
            }
            if (refreshing is null || refreshing.IsCompleted)
            {
                refreshing = RefreshAsync(current);
            }
            return new ValueTask<CompiledRoutes>(refreshing);
        }
    }

    /// <summary>Takes a table this silo just stored, so its own next reader routes by it without waiting.</summary>
    public CompiledRoutes Offer(RoutingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        lock (gate)
        {
            if (current is null || table.Version >= current.Version)
            {
                current = CompiledRoutes.Compile(table, connectors.Descriptors);
                checkedAt = time.GetUtcNow();
            }
            return current;
        }
    }

    async Task<CompiledRoutes> RefreshAsync(CompiledRoutes? known)
    {
        try
        {
            var changed = await grains.GetGrain<IRoutesGrain>(IRoutesGrain.Key).GetIfChangedAsync(known?.Version ?? -1);
            lock (gate)
            {
                if (changed is not null && (current is null || changed.Version >= current.Version))
                {
                    current = CompiledRoutes.Compile(changed, connectors.Descriptors);
                }
                checkedAt = time.GetUtcNow();
                return current!;
            }
        }
        catch (Exception e) when (known is not null && e is not OperationCanceledException)
        {
            // The routes grain is out of reach (its silo is leaving, storage is down): route by the copy at hand and
            // ask again at the next read.
            LogRefreshFailed(e);
            return known;
        }
    }

    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning, Message = "Could not check the routing table's version; routing by the copy at hand")]
    partial void LogRefreshFailed(Exception exception);
}
