namespace BroadcastGrains.Broadcasts;

/// <summary>A status event still to raise: its type, its stable id, and the marker that says it was raised.</summary>
internal sealed record OwedEvent(string Type, string Id, string Marker);
