namespace BroadcastGrains.Carrier;

/// <summary>
/// What a router needs to route a <see cref="SubmitBatch"/> beyond the numbers: whose message it is, the broadcast's
/// forced route, whether it is an MMS, and each message's region (the same string instances the partition's country
/// table holds, so the column costs a reference per message). The router writes back, per message, the route and the
/// connector it chose (null for none), as references to the table's strings, so the partition can show them and keep an accepted message on its connector.
/// </summary>
public sealed class BatchRouting
{
    /// <summary>Routing for a batch of <paramref name="regions"/>.Length messages.</summary>
    public BatchRouting(string? clientId, string? forcedRoute, bool isMms, string?[] regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ClientId = clientId;
        ForcedRoute = forcedRoute;
        IsMms = isMms;
        Regions = regions;
        Routes = new string?[regions.Length];
        Connectors = new string?[regions.Length];
    }

    /// <summary>The client whose broadcast this is (routes may filter on it).</summary>
    public string? ClientId { get; }

    /// <summary>The broadcast's <c>route</c>, which takes every recipient, or null.</summary>
    public string? ForcedRoute { get; }

    /// <summary>True for an MMS: only connectors carrying MMS may take it.</summary>
    public bool IsMms { get; }

    /// <summary>The region of each message (null when unknown: no route).</summary>
    public string?[] Regions { get; }

    /// <summary>Written by the router: each message's route code (the table's own string), or null for none.</summary>
    public string?[] Routes { get; }

    /// <summary>Written by the router: the name of the connector each message was handed to, or null for none.</summary>
    public string?[] Connectors { get; }
}
