namespace BroadcastGrains.Catalogue;

/// <summary>
/// Everything about one sender name across clients, keyed by the normalised name (<see cref="SenderNameKeys.Of"/>): who
/// registered it (so an inbound message to the name finds its clients), who holds it approved, whether the operator
/// shares it, and who sent from it lately. Being the one grain per name, it is where two approvals of the same name
/// at once are decided: its calls run one at a time, so only the first can win.
/// </summary>
[Alias("sender-directory")]
public interface ISenderDirectoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a client's registration of the name: <paramref name="owns"/> false removes it (and any approval),
    /// <paramref name="approved"/> makes the client a holder of the name approved. False, changing nothing, when the
    /// approval is refused because another client holds the name approved and the operator does not share it.
    /// </summary>
    [Alias("set")]
    Task<bool> SetAsync(string clientId, bool owns, bool approved = false);

    /// <summary>
    /// The clients an inbound message to the name may belong to: its registrants and whoever sent from it in the last
    /// 7 days (users of a shared name register nothing).
    /// </summary>
    [Alias("clients")]
    Task<IReadOnlyList<string>> GetClientsAsync();

    /// <summary>Remembers that <paramref name="clientId"/> started sending from the name at <paramref name="at"/>.</summary>
    [Alias("note-sent")]
    Task NoteSentAsync(string clientId, DateTimeOffset at);

    /// <summary>
    /// Makes the name shared with every client (<paramref name="clientIds"/> null) or the listed ones. False, changing
    /// nothing, when a client holds it approved.
    /// </summary>
    [Alias("share")]
    Task<bool> ShareAsync(IReadOnlyList<string>? clientIds);

    /// <summary>Stops sharing the name; false when it was not shared.</summary>
    [Alias("unshare")]
    Task<bool> UnshareAsync();

    /// <summary>True when the operator shares the name with <paramref name="clientId"/>.</summary>
    [Alias("shared-with")]
    Task<bool> IsSharedWithAsync(string clientId);
}

/// <summary>Keys of <see cref="ISenderDirectoryGrain"/>: alphanumeric names ignore case; numbers are <c>+digits</c>.</summary>
public static class SenderNameKeys
{
    /// <summary>The directory key of a sender name as a client or a carrier spells it.</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        var digits = trimmed.TrimStart('+');
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? "+" + digits : trimmed.ToUpperInvariant();
    }
}
