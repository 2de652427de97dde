namespace BroadcastGrains.Webhooks;

/// <summary>One event on its way to the client's endpoint; its body is fixed when queued, so every attempt sends the same bytes.</summary>
[GenerateSerializer, Alias("webhook-outbox-entry")]
internal sealed class OutboxEntry
{
    [Id(0)] public long Sequence { get; set; }
    [Id(1)] public string EventId { get; set; } = "";
    [Id(2)] public string Type { get; set; } = "";
    [Id(3)] public string Url { get; set; } = "";
    [Id(4)] public string Body { get; set; } = "";
    [Id(5)] public DateTimeOffset CreatedAt { get; set; }
    [Id(6)] public int Attempt { get; set; }
    [Id(7)] public WebhookDeliveryStatus Status { get; set; }
    [Id(8)] public int? ResponseStatus { get; set; }
    [Id(9)] public DateTimeOffset At { get; set; }
    [Id(10)] public DateTimeOffset? NextAttemptAt { get; set; }

    public WebhookDelivery View() =>
        new("wd_" + EventId[4..], EventId, Type, Url, Attempt, Status, ResponseStatus, At, NextAttemptAt);
}

[GenerateSerializer, Alias("webhook-outbox-state")]
internal sealed class WebhookOutboxState
{
    [Id(0)] public long NextSequence { get; set; }
    [Id(1)] public List<OutboxEntry> Entries { get; set; } = [];
}
