using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>A broadcast made in a given status, with its client and its view then.</summary>
internal sealed record Made(string ClientId, IBroadcastGrain Grain, BroadcastView View);
