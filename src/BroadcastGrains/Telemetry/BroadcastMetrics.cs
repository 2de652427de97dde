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

    readonly Counter<long> submitted;
    readonly Counter<long> completed;
    readonly Counter<double> held;
    readonly Counter<double> captured;
    readonly Counter<double> refunded;
    readonly Counter<double> released;
    readonly Counter<double> toppedUp;
    readonly UpDownCounter<long> activePartitions;
    readonly Counter<long> webhookDeliveries;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/> (so tests can observe one factory's).</summary>
    public BroadcastMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        submitted = meter.CreateCounter<long>("broadcast.messages.submitted", "{message}",
            "Messages handed to the carrier, by the carrier's answer: accepted, blocked (refused for good) or deferred (retried later).");
        completed = meter.CreateCounter<long>("broadcast.messages.completed", "{message}",
            "Messages that reached a final status: delivered, failed, expired, timeout, blocked or cancelled.");
        held = meter.CreateCounter<double>("broadcast.credits.held", "{credit}", "Credits put on hold for broadcasts.");
        captured = meter.CreateCounter<double>("broadcast.credits.captured", "{credit}", "Credits charged for messages the carrier accepted.");
        refunded = meter.CreateCounter<double>("broadcast.credits.refunded", "{credit}", "Credits given back for failed, expired or timed-out messages.");
        released = meter.CreateCounter<double>("broadcast.credits.released", "{credit}", "Held credits released unspent.");
        toppedUp = meter.CreateCounter<double>("broadcast.credits.topped_up", "{credit}", "Credits added to wallets by the operator.");
        activePartitions = meter.CreateUpDownCounter<long>("broadcast.partitions.active", "{partition}",
            "Recipient partitions with a running send pump on this silo.");
        webhookDeliveries = meter.CreateCounter<long>("broadcast.webhook.deliveries", "{delivery}",
            "Webhook delivery attempts, by outcome: delivered, failed (will retry) or abandoned.");
    }

    /// <summary>One submit batch's answers.</summary>
    public void MessagesSubmitted(long accepted, long blocked, long deferred)
    {
        if (accepted > 0)
        {
            submitted.Add(accepted, Accepted);
        }
        if (blocked > 0)
        {
            submitted.Add(blocked, Final[(int)RecipientStatus.Blocked]);
            completed.Add(blocked, Final[(int)RecipientStatus.Blocked]);
        }
        if (deferred > 0)
        {
            submitted.Add(deferred, Deferred);
        }
    }

    /// <summary><paramref name="count"/> messages reached the final status <paramref name="outcome"/>.</summary>
    public void MessagesCompleted(RecipientStatus outcome, long count)
    {
        if (count > 0)
        {
            completed.Add(count, Final[(int)outcome]);
        }
    }

    /// <summary>A hold was placed.</summary>
    public void CreditsHeld(decimal amount) => AddCredits(held, amount);

    /// <summary>A capture was made.</summary>
    public void CreditsCaptured(decimal amount) => AddCredits(captured, amount);

    /// <summary>A refund was made.</summary>
    public void CreditsRefunded(decimal amount) => AddCredits(refunded, amount);

    /// <summary>What a hold did not spend was released.</summary>
    public void CreditsReleased(decimal amount) => AddCredits(released, amount);

    /// <summary>The operator added credits.</summary>
    public void CreditsToppedUp(decimal amount) => AddCredits(toppedUp, amount);

    /// <summary>A partition's send pump started on this silo.</summary>
    public void PartitionStarted() => activePartitions.Add(1);

    /// <summary>A partition's send pump stopped (done, or the partition was deactivated).</summary>
    public void PartitionStopped() => activePartitions.Add(-1);

    /// <summary>One webhook delivery attempt ended with <paramref name="outcome"/> (delivered, failed or abandoned).</summary>
    public void WebhookDelivery(string outcome) =>
        webhookDeliveries.Add(1, new KeyValuePair<string, object?>(WebhookOutcomeTag, outcome));

    static void AddCredits(Counter<double> counter, decimal amount)
    {
        if (amount > 0)
        {
            counter.Add((double)amount);
        }
    }
}
