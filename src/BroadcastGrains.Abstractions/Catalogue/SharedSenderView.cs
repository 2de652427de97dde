namespace BroadcastGrains.Catalogue;

/// <summary>A sender name the operator lets every client, or the listed ones, send from (API.md <c>/v1/admin/shared-senders</c>).</summary>
/// <param name="Id">Its id (<c>snd_…</c>), as a client's own sender has one; it is never approved or rejected by it.</param>
/// <param name="Name">The name as the operator spelled it.</param>
/// <param name="Kind"><c>alphanumeric</c> or <c>phone_number</c>.</param>
/// <param name="ClientIds">The clients that may send from it; null for every client.</param>
/// <param name="CreatedAt">When the operator first shared it.</param>
[GenerateSerializer, Immutable, Alias("shared-sender-view")]
public sealed record SharedSenderView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] IReadOnlyList<string>? ClientIds,
    [property: Id(4)] DateTimeOffset CreatedAt)
{
    /// <summary>True when <paramref name="clientId"/> may send from it.</summary>
    public bool IsFor(string clientId) => ClientIds is null || ClientIds.Contains(clientId, StringComparer.Ordinal);

    /// <summary>As a sender in the client's list (<c>GET /v1/senders</c>): always approved, marked shared.</summary>
    public SenderView AsSender() => new(Id, Name, Kind, ApprovalStatus.Approved, CreatedAt, Shared: true);
}
