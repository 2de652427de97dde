using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Storage;
using BroadcastGrains.Webhooks;

namespace BroadcastGrains.Catalogue.OptOuts;

/// <summary>
/// A client's opt-outs in columns (17 bytes a number), with an in-memory index by number. Every change bumps
/// <see cref="OptOutState.Version"/>; the numbers added since this activation are remembered (the last
/// <see cref="ChangeLogSize"/> of them), so a sending partition learns of a new opt-out with one cheap call per batch.
/// A new opt-out raises <c>contact.opted_out</c>.
/// </summary>
[GrainType("opt-outs")]
internal sealed class OptOutGrain(
    [PersistentState("opt-outs", StorageNames.Grains)] IPersistentState<OptOutState> optOuts,
    TimeProvider time)
    : Grain, IOptOutGrain
{
    const int ChangeLogSize = 10_000;

    readonly Dictionary<long, int> _positions = [];
    readonly List<(long Version, long Phone)> _added = [];
    long _logStart;
    long[]? _sorted;

    OptOutState State => optOuts.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < State.Phones.Count; i++)
        {
            _positions[State.Phones[i]] = i;
        }
        _logStart = State.Version;
        return Task.CompletedTask;
    }

    public async Task<bool> AddAsync(long phone, OptOutSource source)
    {
        if (phone <= 0 || _positions.ContainsKey(phone))
        {
            return false;
        }
        var now = time.GetUtcNow();
        _positions[phone] = State.Phones.Count;
        State.Phones.Add(phone);
        State.Sources.Add((byte)source);
        State.AtTicks.Add(now.UtcTicks);
        State.Version++;
        _added.Add((State.Version, phone));
        if (_added.Count > ChangeLogSize)
        {
            _logStart = _added[0].Version;
            _added.RemoveAt(0);
        }
        _sorted = null;
        await optOuts.WriteStateAsync();
        await RaiseAsync(phone, source, now);
        return true;
    }

    public async Task<bool> RemoveAsync(long phone)
    {
        if (!_positions.Remove(phone, out var at))
        {
            return false;
        }
        // Swap-remove keeps the columns dense; order does not matter, listings sort.
        var last = State.Phones.Count - 1;
        if (at != last)
        {
            State.Phones[at] = State.Phones[last];
            State.Sources[at] = State.Sources[last];
            State.AtTicks[at] = State.AtTicks[last];
            _positions[State.Phones[at]] = at;
        }
        State.Phones.RemoveAt(last);
        State.Sources.RemoveAt(last);
        State.AtTicks.RemoveAt(last);
        State.Version++;
        _sorted = null;
        await optOuts.WriteStateAsync();
        return true;
    }

    public Task<OptOutPage> ListAsync(long? after, int limit)
    {
        _sorted ??= [.. State.Phones.Order()];
        var start = 0;
        if (after is { } previous)
        {
            var found = Array.BinarySearch(_sorted, previous);
            start = found >= 0 ? found + 1 : ~found;
        }
        var items = new List<OptOutEntry>(Math.Min(limit, _sorted.Length));
        for (var k = start; k < _sorted.Length && items.Count < limit; k++)
        {
            var at = _positions[_sorted[k]];
            items.Add(new OptOutEntry(_sorted[k], (OptOutSource)State.Sources[at], new DateTimeOffset(State.AtTicks[at], TimeSpan.Zero)));
        }
        var more = start + items.Count < _sorted.Length;
        return Task.FromResult(new OptOutPage(items, more ? items[^1].Phone : null));
    }

    public Task<OptOutMatches> MatchAsync(long[] phones)
    {
        if (_positions.Count == 0)
        {
            // Every partition of a create asks, one after another on this grain: most clients have no opt-outs.
            return Task.FromResult(new OptOutMatches(State.Version, []));
        }
        var indexes = new List<int>();
        for (var i = 0; i < phones.Length; i++)
        {
            if (_positions.ContainsKey(phones[i]))
            {
                indexes.Add(i);
            }
        }
        return Task.FromResult(new OptOutMatches(State.Version, [.. indexes]));
    }

    public Task<OptOutChanges> ChangesSinceAsync(long version)
    {
        if (version >= State.Version)
        {
            return Task.FromResult(new OptOutChanges(State.Version, [], Reset: false));
        }
        if (version < _logStart)
        {
            return Task.FromResult(new OptOutChanges(State.Version, [], Reset: true));
        }
        var since = _added.Where(c => c.Version > version && _positions.ContainsKey(c.Phone)).Select(c => c.Phone).ToArray();
        return Task.FromResult(new OptOutChanges(State.Version, since, Reset: false));
    }

    Task RaiseAsync(long phone, OptOutSource source, DateTimeOffset at)
    {
        var clientId = this.GetPrimaryKeyString();
        var e164 = PhoneNumberClassifier.Format(phone);
        var sourceName = source.ToString().ToLowerInvariant();
        var id = WebhookEventIds.Of(clientId, WebhookEventTypes.ContactOptedOut, e164, State.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return GrainFactory.GetGrain<IWebhookOutboxGrain>(clientId).EnqueueAsync(
            [new WebhookEvent(id, WebhookEventTypes.ContactOptedOut, at, Contact: new ContactEventData(e164, sourceName))]);
    }
}

[GenerateSerializer, Alias("opt-outs-state")]
internal sealed class OptOutState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public List<long> Phones { get; set; } = [];
    [Id(2)] public List<byte> Sources { get; set; } = [];
    [Id(3)] public List<long> AtTicks { get; set; } = [];
}
