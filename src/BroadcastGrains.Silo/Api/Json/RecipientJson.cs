using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Json;

/// <summary>One recipient as <c>GET …/recipients</c> lists it.</summary>
internal sealed record RecipientJson(string To, string Status, int Segments, decimal Credits, string? CarrierMessageId,
    string? Error, DateTimeOffset UpdatedAt, string? Route, string? Connector, int Attempts, long ReplyCount, int Clicks)
{
    public static RecipientJson From(RecipientView r) =>
        new(r.To, r.Status.ToApiName(), r.Segments, r.Credits, r.CarrierMessageId, r.Error, r.UpdatedAt, r.Route, r.Connector,
            r.Attempts, r.ReplyCount, r.Clicks);
}

/// <summary>A page of recipients with the broadcast's counts.</summary>
internal sealed record RecipientPageJson(IReadOnlyList<RecipientJson> Items, string? NextCursor, bool HasMore, DrSummary Summary);
