namespace BroadcastGrains.Catalogue;

/// <summary>A client's senders. Keyed by client id. Names are unique per client (compared ignoring case).</summary>
[Alias("senders")]
public interface ISendersGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers <paramref name="name"/> (pending, or approved when the operator registers it for the client);
    /// answers the existing sender when the name is already registered. Null when the name is not a sender name.
    /// </summary>
    [Alias("register")]
    Task<SenderView?> RegisterAsync(string name, bool approved = false);

    /// <summary>Every sender of the client, oldest first.</summary>
    [Alias("list")]
    Task<IReadOnlyList<SenderView>> ListAsync();

    /// <summary>The sender named <paramref name="name"/>, or null.</summary>
    [Alias("find")]
    Task<SenderView?> FindAsync(string name);

    /// <summary>The operator's decision on sender <paramref name="senderId"/>; null when the client has no such sender.</summary>
    [Alias("review")]
    Task<SenderView?> ReviewAsync(string senderId, ApprovalStatus status);
}
