namespace BroadcastGrains.Inbound;

/// <summary>
/// Who an inbound message belongs to: the clients that sent to the number from the sender name within the reply window,
/// each with the broadcast it answers; when there are none, the clients holding the name approved, with no broadcast;
/// else nobody. A client whose registration is pending or rejected is never among them.
/// </summary>
public static class InboundOwners
{
    /// <summary>The owners, from who sent recently (<paramref name="recentSenders"/>) and who holds the name approved.</summary>
    public static IReadOnlyList<(string ClientId, string? BroadcastId)> Of(
        IReadOnlyList<(string ClientId, string BroadcastId)> recentSenders, IReadOnlyList<string> approvedHolders) =>
        recentSenders.Count > 0
            ? recentSenders.Select(s => (s.ClientId, (string?)s.BroadcastId)).ToList()
            : approvedHolders.Select(c => (c, (string?)null)).ToList();
}
