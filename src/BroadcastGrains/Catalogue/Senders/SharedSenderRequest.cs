using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Catalogue.Senders;

/// <summary>What an operator's <c>{name, clientIds?}</c> must look like before any grain is asked about it.</summary>
public static class SharedSenderRequest
{
    /// <summary>Keeps one shared sender's record small; an operator who needs more shares it with every client.</summary>
    public const int MaxClientIds = 1000;

    /// <summary>The field at fault and why, or null when the request is well formed.</summary>
    public static (string Field, string Detail)? Problem(string? name, IReadOnlyList<string>? clientIds)
    {
        if (string.IsNullOrWhiteSpace(name) || !SenderNames.IsWellFormed(name.Trim()))
        {
            return ("name", "name must be alphanumeric (at most 11 characters) or an E.164 number");
        }
        if (clientIds is null)
        {
            return null;
        }
        if (clientIds.Count is 0 or > MaxClientIds)
        {
            return ("clientIds", $"clientIds lists 1 to {MaxClientIds} clients; leave it out to share with every client");
        }
        return clientIds.Any(string.IsNullOrWhiteSpace) ? ("clientIds", "clientIds holds an empty id") : null;
    }
}
