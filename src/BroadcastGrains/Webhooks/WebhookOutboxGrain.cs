using System.Globalization;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Webhooks;

/// <summary>
/// A client's outbox. Queueing writes the events to grain state (so they survive a restart on durable storage) and
/// wakes the client's <see cref="IWebhookSenderGrain"/>, which does the HTTP work in its own activation: nobody who
/// raises an event ever waits on the endpoint. A reminder wakes the sender again after a restart while anything is
/// pending. Finished deliveries are pruned after <see cref="WebhookOptions.KeepFinishedHours"/>.
/// </summary>
[GrainType("webhook-outbox")]
internal sealed partial class WebhookOutboxGrain(
    [PersistentState("webhook-outbox", StorageNames.Grains)] IPersistentState<WebhookOutboxState> outbox,
    IWebhookPayloadFormatter formatter,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookOutboxGrain> logger)
    : Grain, IWebhookOutboxGrain, IWebhookQueueGrain, IRemindable
{
    const string WakeReminder = "webhooks";
    static readonly TimeSpan LeaseSlack = TimeSpan.FromSeconds(5);

    /// <summary>How long the copy of the client's webhook settings is trusted: a change the client grain could not tell holds after this.</summary>
    static readonly TimeSpan ProfileMaxAge = TimeSpan.FromSeconds(5);

    readonly HashSet<string> _eventIds = [];
    readonly Dictionary<long, DateTimeOffset> _leases = [];
    ClientProfile? _profile;
    DateTimeOffset _profileReadAt;
    bool _reminderArmed;

    WebhookOutboxState State => outbox.State;
    WebhookOptions Options => options.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in State.Entries)
        {
            _eventIds.Add(entry.EventId);
        }
        // Back after a restart (or idle collection) with events still owed: deliver them without waiting for the reminder.
        if (State.Entries.Any(e => e.Status == WebhookDeliveryStatus.Pending))
        {
            Wake();
        }
        return Task.CompletedTask;
    }

    public async Task EnqueueAsync(IReadOnlyList<WebhookEvent> events)
    {
        var current = await ProfileAsync();
        if (current?.WebhookUrl is not { } url)
        {
            return;
        }
        var now = time.GetUtcNow();
        var pending = State.Entries.Count(e => e.Status == WebhookDeliveryStatus.Pending);
        var queued = 0;
        var dropped = 0;
        foreach (var e in events)
        {
            if (!WebhookEventTypes.IsSubscribed(current.WebhookEvents, e.Type) || !_eventIds.Add(e.Id))
            {
                continue;
            }
            if (pending >= Options.MaxPending && e.Type.StartsWith("message.", StringComparison.Ordinal))
            {
                dropped++;
                continue;
            }
            State.Entries.Add(new OutboxEntry
            {
                Sequence = State.NextSequence++,
                EventId = e.Id,
                Type = e.Type,
                Url = url,
                Body = formatter.Format(e),
                CreatedAt = e.CreatedAt,
                Status = WebhookDeliveryStatus.Pending,
                At = now,
                NextAttemptAt = now,
            });
            pending++;
            queued++;
        }
        if (dropped > 0)
        {
            Log.Dropped(logger, this.GetPrimaryKeyString(), dropped);
        }
        if (queued == 0)
        {
            return;
        }
        Prune(now);
        await outbox.WriteStateAsync();
        await ArmAsync();
        Wake();
    }

    public Task<WebhookDeliveryPage> ListDeliveriesAsync(string? cursor, int limit)
    {
        var entries = State.Entries;
        var before = cursor is not null && long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : long.MaxValue;
        var items = new List<WebhookDelivery>(Math.Min(limit, entries.Count));
        var i = entries.Count - 1;
        for (; i >= 0 && items.Count < limit; i--)
        {
            if (entries[i].Sequence < before)
            {
                items.Add(entries[i].View());
            }
        }
        var next = i >= 0 && items.Count > 0 && entries[i].Sequence < before
            ? entries[i + 1].Sequence.ToString(CultureInfo.InvariantCulture)
            : null;
        return Task.FromResult(new WebhookDeliveryPage(items, next));
    }

    public async Task<DueDeliveries> TakeDueAsync(int max)
    {
        var current = await ProfileAsync();
        var now = time.GetUtcNow();
        var lease = now + TimeSpan.FromSeconds(Options.TimeoutSeconds) + LeaseSlack;
        var items = new List<DueDelivery>();
        var more = false;
        foreach (var entry in State.Entries)
        {
            if (entry.Status != WebhookDeliveryStatus.Pending)
            {
                continue;
            }
            var due = entry.NextAttemptAt <= now && !(_leases.TryGetValue(entry.Sequence, out var until) && until > now);
            if (due && items.Count < max)
            {
                _leases[entry.Sequence] = lease;
                items.Add(new DueDelivery(entry.Sequence, entry.Url, entry.Body));
            }
            else
            {
                more = true;
            }
        }
        return new DueDeliveries(items, current?.WebhookSecret, more);
    }

    public async Task CompleteAsync(IReadOnlyList<AttemptResult> results)
    {
        var now = time.GetUtcNow();
        foreach (var result in results)
        {
            _leases.Remove(result.Sequence);
            var entry = State.Entries.Find(e => e.Sequence == result.Sequence);
            if (entry is null || entry.Status != WebhookDeliveryStatus.Pending)
            {
                continue;
            }
            entry.Attempt++;
            entry.At = now;
            entry.ResponseStatus = result.ResponseStatus;
            if (result.ResponseStatus is >= 200 and < 300)
            {
                (entry.Status, entry.NextAttemptAt) = (WebhookDeliveryStatus.Delivered, null);
            }
            else if (result.Refused || now - entry.CreatedAt >= TimeSpan.FromHours(Options.GiveUpAfterHours))
            {
                (entry.Status, entry.NextAttemptAt) = (WebhookDeliveryStatus.Failed, null);
                Log.GaveUp(logger, this.GetPrimaryKeyString(), entry.EventId, entry.Attempt);
            }
            else
            {
                entry.NextAttemptAt = now + Backoff(entry.Attempt);
            }
        }
        Prune(now);
        await outbox.WriteStateAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await ProfileAsync();
        if (State.Entries.Any(e => e.Status == WebhookDeliveryStatus.Pending))
        {
            Wake();
            return;
        }
        if (await this.GetReminder(WakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        _reminderArmed = false;
    }

    public async Task<bool> RedeliverAsync(string deliveryId)
    {
        var entry = State.Entries.Find(e => e.View().Id == deliveryId);
        if (entry is null)
        {
            return false;
        }
        (entry.Status, entry.NextAttemptAt) = (WebhookDeliveryStatus.Pending, time.GetUtcNow());
        _leases.Remove(entry.Sequence);
        await outbox.WriteStateAsync();
        await ArmAsync();
        Wake();
        return true;
    }

    public Task ForgetProfileAsync()
    {
        _profile = null;
        return Task.CompletedTask;
    }

    /// <summary>The client's webhook settings, read again when the copy is older than <see cref="ProfileMaxAge"/>.</summary>
    async Task<ClientProfile?> ProfileAsync()
    {
        var now = time.GetUtcNow();
        if (_profile is null || now - _profileReadAt > ProfileMaxAge)
        {
            _profile = await GrainFactory.GetGrain<IClientGrain>(this.GetPrimaryKeyString()).GetAsync();
            _profileReadAt = now;
        }
        return _profile;
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: the first retry, then doubling up to the cap.</summary>
    TimeSpan Backoff(int attempt)
    {
        var seconds = Options.FirstRetrySeconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, Options.MaxBackoffSeconds));
    }

    void Prune(DateTimeOffset now)
    {
        var keepAfter = now - TimeSpan.FromHours(Options.KeepFinishedHours);
        var finished = State.Entries.Count(e => e.Status != WebhookDeliveryStatus.Pending);
        var excess = finished - Options.MaxFinished;
        State.Entries.RemoveAll(e =>
        {
            if (e.Status == WebhookDeliveryStatus.Pending || (e.At >= keepAfter && excess <= 0))
            {
                return false;
            }
            excess--;
            _eventIds.Remove(e.EventId);
            return true;
        });
    }

    async Task ArmAsync()
    {
        if (!_reminderArmed)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            _reminderArmed = true;
        }
    }

    void Wake() => GrainFactory.GetGrain<IWebhookSenderGrain>(this.GetPrimaryKeyString()).WakeAsync().Ignore();

    static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Webhooks of client {ClientId}: the outbox is full; {Count} message events dropped")]
        public static partial void Dropped(ILogger logger, string clientId, int count);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Webhooks of client {ClientId}: gave up on event {EventId} after {Attempts} attempts")]
        public static partial void GaveUp(ILogger logger, string clientId, string eventId, int attempts);
    }
}
