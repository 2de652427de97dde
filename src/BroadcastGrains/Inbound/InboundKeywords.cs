namespace BroadcastGrains.Inbound;

/// <summary>What an inbound text asks for: the whole text, trimmed, in any case, is the keyword or it is a reply.</summary>
internal enum InboundIntent
{
    Reply,
    OptOut,
    OptIn,
}

internal static class InboundKeywords
{
    static readonly HashSet<string> OptOut = new(StringComparer.OrdinalIgnoreCase) { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT" };
    static readonly HashSet<string> OptIn = new(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP" };

    public static InboundIntent Classify(string? text)
    {
        var keyword = (text ?? "").Trim();
        return OptOut.Contains(keyword) ? InboundIntent.OptOut : OptIn.Contains(keyword) ? InboundIntent.OptIn : InboundIntent.Reply;
    }
}
