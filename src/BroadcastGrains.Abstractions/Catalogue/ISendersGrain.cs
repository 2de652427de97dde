namespace BroadcastGrains.Catalogue;

/// <summary>A client's senders. Keyed by client id. Names are unique per client (compared ignoring case).</summary>
[Alias("senders")]
public interface ISendersGrain : IGrainWithStringKey
{
    /// <summary>
    /// Registers <paramref name="name"/> (pending, or approved when the operator registers it for the client);
    /// answers the existing sender when the name is already registered. No sender when the name is not a sender name;
    /// <c>SENDER_TAKEN</c>, registering nothing, when approval is asked for a name another client holds approved.
    /// </summary>
    [Alias("register")]
    Task<SenderOutcome> RegisterAsync(string name, bool approved = false);

    /// <summary>Every sender of the client, oldest first (its own only; shared ones are in <see cref="ISharedSendersGrain"/>).</summary>
    [Alias("list")]
    Task<IReadOnlyList<SenderView>> ListAsync();

    /// <summary>The sender named <paramref name="name"/>, or null.</summary>
    [Alias("find")]
    Task<SenderView?> FindAsync(string name);

    /// <summary>True when the client may send from <paramref name="name"/>: its own approved sender, or one the operator shares with it.</summary>
    [Alias("can-send-from")]
    Task<bool> CanSendFromAsync(string name);

    /// <summary>
    /// The operator's decision on sender <paramref name="senderId"/>; no sender when the client has no such sender;
    /// <c>SENDER_TAKEN</c>, changing nothing, when approving a name another client holds approved.
    /// </summary>
    [Alias("review")]
    Task<SenderOutcome> ReviewAsync(string senderId, ApprovalStatus status);
}
