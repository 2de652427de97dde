using System.Diagnostics.Metrics;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Telemetry;

/// <summary>
/// The cluster's own instruments, on the meter <see cref="MeterName"/>. Callers add whole batches (one <c>Add</c> per
/// submit batch, receipt batch or wallet operation), never one call per message. Tags carry outcomes only: never a phone
/// number, a message body or a client id (unbounded cardinality, and personal data).
/// </summary>
public sealed class BroadcastMetrics
{
    /// <summary>The meter's name, for <c>AddMeter</c>.</summary>
    public const string MeterName = "BroadcastGrains";

    /// <summary>The tag naming what happened to the messages counted.</summary>
    public const string OutcomeTag = "broadcast.message.outcome";

    /// <summary>The tag naming what happened to a webhook delivery attempt.</summary>
    public const string WebhookOutcomeTag = "broadcast.webhook.outcome";

    static readonly KeyValuePair<string, object?> Accepted = new(OutcomeTag, "accepted");
    static readonly KeyValuePair<string, object?> Deferred = new(OutcomeTag, "deferred");
    static readonly KeyValuePair<string, object?>[] Final = Enum.GetValues<RecipientStatus>()
        .Select(s => new KeyValuePair<string, object?>(OutcomeTag, s.ToApiName()))
        .ToArray();

    readonly Counter<long> _submitted;
    readonly Counter<long> _completed;
    readonly Counter<double> _held;
    readonly Counter<double> _captured;
    readonly Counter<double> _refunded;
    readonly Counter<double> _released;
    readonly Counter<double> _toppedUp;
    readonly UpDownCounter<long> _activePartitions;
    readonly Counter<long> _webhookDeliveries;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/> (so tests can observe one factory's).</summary>
    public BroadcastMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _submitted = meter.CreateCounter<long>("broadcast.messages.submitted", "{message}",
            "Messages handed to the carrier, by the carrier's answer: accepted, blocked (refused for good) or deferred (retried later).");
        _completed = meter.CreateCounter<long>("broadcast.messages.completed", "{message}",
            "Messages that reached a final status: delivered, failed, expired, timeout, blocked or cancelled.");
        _held = meter.CreateCounter<double>("broadcast.credits.held", "{credit}", "Credits put on hold for broadcasts.");
        _captured = meter.CreateCounter<double>("broadcast.credits.captured", "{credit}", "Credits charged for messages the carrier accepted.");
        _refunded = meter.CreateCounter<double>("broadcast.credits.refunded", "{credit}", "Credits given back for failed, expired or timed-out messages.");
        _released = meter.CreateCounter<double>("broadcast.credits.released", "{credit}", "Held credits released unspent.");
        _toppedUp = meter.CreateCounter<double>("broadcast.credits.topped_up", "{credit}", "Credits added to wallets by the operator.");
        _activePartitions = meter.CreateUpDownCounter<long>("broadcast.partitions.active", "{partition}",
            "Recipient partitions with a running send pump on this silo.");
        _webhookDeliveries = meter.CreateCounter<long>("broadcast.webhook.deliveries", "{delivery}",
            "Webhook delivery attempts, by outcome: delivered, failed (will retry) or abandoned.");
    }

    /// <summary>One submit batch's answers.</summary>
    public void MessagesSubmitted(long accepted, long blocked, long deferred)
    {
        if (accepted > 0)
        {
            _submitted.Add(accepted, Accepted);
        }
        if (blocked > 0)
        {
            _submitted.Add(blocked, Final[(int)RecipientStatus.Blocked]);
            _completed.Add(blocked, Final[(int)RecipientStatus.Blocked]);
        }
        if (deferred > 0)
        {
            _submitted.Add(deferred, Deferred);
        }
    }

    /// <summary><paramref name="count"/> messages reached the final status <paramref name="outcome"/>.</summary>
    public void MessagesCompleted(RecipientStatus outcome, long count)
    {
        if (count > 0)
        {
            _completed.Add(count, Final[(int)outcome]);
        }
    }

    /// <summary>A hold was placed.</summary>
    public void CreditsHeld(decimal amount) => AddCredits(_held, amount);

    /// <summary>A capture was made.</summary>
    public void CreditsCaptured(decimal amount) => AddCredits(_captured, amount);

    /// <summary>A refund was made.</summary>
    public void CreditsRefunded(decimal amount) => AddCredits(_refunded, amount);

    /// <summary>What a hold did not spend was released.</summary>
    public void CreditsReleased(decimal amount) => AddCredits(_released, amount);

    /// <summary>The operator added credits.</summary>
    public void CreditsToppedUp(decimal amount) => AddCredits(_toppedUp, amount);

    /// <summary>A partition's send pump started on this silo.</summary>
    public void PartitionStarted() => _activePartitions.Add(1);

    /// <summary>A partition's send pump stopped (done, or the partition was deactivated).</summary>
    public void PartitionStopped() => _activePartitions.Add(-1);

    /// <summary>One webhook delivery attempt ended with <paramref name="outcome"/> (delivered, failed or abandoned).</summary>
    public void WebhookDelivery(string outcome) =>
        _webhookDeliveries.Add(1, new KeyValuePair<string, object?>(WebhookOutcomeTag, outcome));

    static void AddCredits(Counter<double> counter, decimal amount)
    {
        if (amount > 0)
        {
            counter.Add((double)amount);
        }
    }
}
