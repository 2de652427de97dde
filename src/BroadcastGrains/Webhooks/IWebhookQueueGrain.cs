using Orleans.Concurrency;

namespace BroadcastGrains.Webhooks;

/// <summary>The side of the outbox its delivering grain talks to. Same grain as <see cref="IWebhookOutboxGrain"/>.</summary>
[Alias("webhook-queue")]
internal interface IWebhookQueueGrain : IGrainWithStringKey
{
    /// <summary>Up to <paramref name="max"/> deliveries due now, leased so they are not handed out twice while in flight.</summary>
    [Alias("take")]
    Task<DueDeliveries> TakeDueAsync(int max);

    /// <summary>Records how the attempts went: delivered, or due again after the backoff, or given up.</summary>
    [Alias("complete")]
    Task CompleteAsync(IReadOnlyList<AttemptResult> results);

    /// <summary>
    /// Drops the copy of the client's webhook settings (they changed), so the next event reads them again. Interleaves:
    /// the client grain tells this in the middle of its change, while this grain may be waiting on that client for
    /// its profile; it only clears a field, with no await.
    /// </summary>
    [AlwaysInterleave]
    [Alias("forget-profile")]
    Task ForgetProfileAsync();
}

/// <summary>Deliveries to attempt now, where to, how to sign them, and whether more wait for later.</summary>
[GenerateSerializer, Immutable, Alias("webhook-due")]
internal sealed record DueDeliveries(
    [property: Id(0)] IReadOnlyList<DueDelivery> Items,
    [property: Id(1)] string? Secret,
    [property: Id(2)] bool MorePending);

[GenerateSerializer, Immutable, Alias("webhook-due-item")]
internal sealed record DueDelivery(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Url,
    [property: Id(2)] string Body);

/// <summary>One attempt: the endpoint's status (null when it never answered); <see cref="Refused"/>: the target is not allowed.</summary>
[GenerateSerializer, Immutable, Alias("webhook-attempt")]
internal sealed record AttemptResult(
    [property: Id(0)] long Sequence,
    [property: Id(1)] int? ResponseStatus,
    [property: Id(2)] bool Refused);
