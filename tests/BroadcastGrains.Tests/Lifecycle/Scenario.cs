using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>One pacing scenario's client, broadcast, and the broadcast as created.</summary>
public sealed record Scenario(string ClientId, IBroadcastGrain Broadcast, BroadcastView Created);
