namespace BroadcastGrains.Catalogue;

/// <summary>
/// The operator's shared senders (API.md <c>/v1/admin/shared-senders</c>): a handful of names, kept in one grain at
/// <see cref="Key"/> so they list in one call. Whether a name may be shared is decided by its
/// <see cref="ISenderDirectoryGrain"/>, which also decides approvals of that name, so the two never both win.
/// </summary>
[Alias("shared-senders")]
public interface ISharedSendersGrain : IGrainWithStringKey
{
    /// <summary>The one key this grain lives at.</summary>
    public const string Key = "global";

    /// <summary>
    /// Shares <paramref name="name"/> with every client (<paramref name="clientIds"/> null) or the listed ones; sharing a
    /// shared name again replaces its clients. Refused with <c>VALIDATION_FAILED</c> (a bad name or client list) or
    /// <c>SENDER_TAKEN</c> (a client holds the name approved), changing nothing.
    /// </summary>
    [Alias("share")]
    Task<SharedSenderOutcome> ShareAsync(string name, IReadOnlyList<string>? clientIds);

    /// <summary>Every shared sender, oldest first.</summary>
    [Alias("list")]
    Task<IReadOnlyList<SharedSenderView>> ListAsync();

    /// <summary>Stops sharing <paramref name="name"/> (any spelling); false when it is not shared.</summary>
    [Alias("unshare")]
    Task<bool> UnshareAsync(string name);
}
