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

    readonly Lock _gate = new();
    CompiledRoutes? _current;
    DateTimeOffset _checkedAt = DateTimeOffset.MinValue;
    Task<CompiledRoutes>? _refreshing;

    /// <summary>The table to route by now.</summary>
    public ValueTask<CompiledRoutes> GetAsync()
    {
        lock (_gate)
        {
            if (_current is not null && time.GetUtcNow() - _checkedAt < RefreshEvery)
            {
                return ValueTask.FromResult(_current);
            }
            if (_refreshing is null || _refreshing.IsCompleted)
            {
                _refreshing = RefreshAsync(_current);
            }
            return new ValueTask<CompiledRoutes>(_refreshing);
        }
    }

    /// <summary>Takes a table this silo just stored, so its own next reader routes by it without waiting.</summary>
    public CompiledRoutes Offer(RoutingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        lock (_gate)
        {
            if (_current is null || table.Version >= _current.Version)
            {
                _current = CompiledRoutes.Compile(table, connectors.Descriptors);
                _checkedAt = time.GetUtcNow();
            }
            return _current;
        }
    }

    async Task<CompiledRoutes> RefreshAsync(CompiledRoutes? known)
    {
        try
        {
            var changed = await grains.GetGrain<IRoutesGrain>(IRoutesGrain.Key).GetIfChangedAsync(known?.Version ?? -1);
            lock (_gate)
            {
                if (changed is not null && (_current is null || changed.Version >= _current.Version))
                {
                    _current = CompiledRoutes.Compile(changed, connectors.Descriptors);
                }
                _checkedAt = time.GetUtcNow();
                return _current!;
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
