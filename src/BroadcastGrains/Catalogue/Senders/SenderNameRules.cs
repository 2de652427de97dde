namespace BroadcastGrains.Catalogue.Senders;

/// <summary>
/// Who may hold, share and answer for one sender name (API.md "Operator endpoints", "Carrier callbacks"). A name is
/// approved for one client at a time unless the operator shares it; it can be shared only while no client holds it
/// approved. Replies to it may belong to its registrants and to whoever sent from it within the reply window.
/// </summary>
public static class SenderNameRules
{
    /// <summary>API.md: an inbound message belongs to the clients that sent to the number in the last 7 days.</summary>
    public static readonly TimeSpan ReplyWindow = TimeSpan.FromDays(7);

    /// <summary>True when <paramref name="clientId"/> may hold the name approved, given who holds it (<paramref name="approved"/>).</summary>
    public static bool MayApprove(IReadOnlyCollection<string> approved, bool shared, string clientId) =>
        shared || approved.All(holder => holder == clientId);

    /// <summary>True when the operator may share the name: no client holds it approved.</summary>
    public static bool MayShare(IReadOnlyCollection<string> approved) => approved.Count == 0;

    /// <summary>True when the name is shared with <paramref name="clientId"/> (<paramref name="sharedWith"/> null: with every client).</summary>
    public static bool IsSharedWith(bool shared, IReadOnlyList<string>? sharedWith, string clientId) =>
        shared && (sharedWith is null || sharedWith.Contains(clientId, StringComparer.Ordinal));

    /// <summary>The clients a reply may belong to: the registrants, then those that sent from the name since <paramref name="now"/> minus the window.</summary>
    public static IReadOnlyList<string> Candidates(IEnumerable<string> registrants, IReadOnlyDictionary<string, DateTimeOffset> lastSent,
        DateTimeOffset now) =>
        registrants.Concat(lastSent.Where(s => s.Value >= now - ReplyWindow).Select(s => s.Key)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The senders whose last send from the name is older than the window, to forget.</summary>
    public static IReadOnlyList<string> Expired(IReadOnlyDictionary<string, DateTimeOffset> lastSent, DateTimeOffset now) =>
        lastSent.Where(s => s.Value < now - ReplyWindow).Select(s => s.Key).ToList();

    /// <summary>True when two client lists of a shared name are the same (null: every client), so sharing it again changes nothing.</summary>
    public static bool SameClients(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b, StringComparer.Ordinal);
}
