using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue.ContactLists;

/// <summary>
/// A shard's contacts in columns (8 bytes a number, variables only for contacts that have them). A position index is
/// rebuilt in memory on activation. Numbers touched by the current upload are remembered in memory only: they tell a
/// duplicate row (same upload) from an update (a contact from an earlier upload).
/// </summary>
[GrainType("contact-shard")]
internal sealed class ContactShardGrain(
    [PersistentState("contact-shard", StorageNames.Recipients)] IPersistentState<ContactShardState> shard)
    : Grain, IContactShardGrain
{
    Dictionary<long, int>? _positions;
    Dictionary<int, int>? _rowOf;
    string? _currentUpload;
    readonly HashSet<long> _touched = [];

    ContactShardState State => shard.State;

    public async Task<ContactUploadResult> MergeAsync(string uploadId, ContactBatch batch, DateTimeOffset addedAt)
    {
        EnsureIndexes();
        if (uploadId != _currentUpload)
        {
            _currentUpload = uploadId;
            _touched.Clear();
        }
        var names = batch.VariableNames.Select(NameIndex).ToArray();
        var rowOfEntry = new Dictionary<int, string?[]>(batch.RowIndexes.Length);
        for (var k = 0; k < batch.RowIndexes.Length; k++)
        {
            rowOfEntry[batch.RowIndexes[k]] = batch.Rows[k];
        }
        long added = 0, updated = 0, duplicates = 0;
        var firstNew = State.Numbers.Count;
        for (var i = 0; i < batch.Numbers.Length; i++)
        {
            var number = batch.Numbers[i];
            if (!_touched.Add(number))
            {
                duplicates++;
                continue;
            }
            var row = rowOfEntry.GetValueOrDefault(i);
            if (_positions!.TryGetValue(number, out var at))
            {
                updated++;
            }
            else
            {
                added++;
                at = State.Numbers.Count;
                State.Numbers.Add(number);
                _positions[number] = at;
            }
            if (row is not null)
            {
                SetRow(at, names, row);
            }
        }
        if (added > 0)
        {
            AddedAtMarks.Mark(State.AddedAtPositions, State.AddedAtTicks, firstNew, addedAt);
        }
        if (added > 0 || updated > 0)
        {
            await shard.WriteStateAsync();
        }
        return new ContactUploadResult(added, updated, 0, duplicates);
    }

    public Task<ContactBatch> ReadAsync() =>
        Task.FromResult(new ContactBatch([.. State.Numbers], [.. State.VariableNames], [.. State.RowIndexes], [.. State.Rows]));

    public Task<ContactPageSlice> PageAsync(int from, int limit)
    {
        EnsureIndexes();
        var end = Math.Min(State.Numbers.Count, from + limit);
        var count = Math.Max(0, end - from);
        var rows = new string?[]?[count];
        var added = new long[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = _rowOf!.TryGetValue(from + i, out var k) ? State.Rows[k] : null;
            added[i] = AddedAtMarks.At(State.AddedAtPositions, State.AddedAtTicks, from + i).UtcTicks;
        }
        var numbers = count > 0 ? State.Numbers.GetRange(from, count).ToArray() : [];
        return Task.FromResult(new ContactPageSlice(numbers, [.. State.VariableNames], rows, added, end < State.Numbers.Count));
    }

    public async Task<bool> RemoveAsync(long number)
    {
        EnsureIndexes();
        if (!_positions!.TryGetValue(number, out var at))
        {
            return false;
        }
        State.Numbers.RemoveAt(at);
        if (_rowOf!.TryGetValue(at, out var k))
        {
            State.RowIndexes.RemoveAt(k);
            State.Rows.RemoveAt(k);
        }
        for (var r = 0; r < State.RowIndexes.Count; r++)
        {
            if (State.RowIndexes[r] > at)
            {
                State.RowIndexes[r]--;
            }
        }
        AddedAtMarks.Removed(State.AddedAtPositions, State.AddedAtTicks, at, State.Numbers.Count);
        // Removing one contact is rare and never on a send path: rebuilding the indexes (~62,500 entries) is cheap enough.
        _positions = null;
        _touched.Clear();
        await shard.WriteStateAsync();
        return true;
    }

    public async Task ClearAsync()
    {
        await shard.ClearStateAsync();
        shard.State = new ContactShardState();
        _positions = null;
        _touched.Clear();
        DeactivateOnIdle();
    }

    void EnsureIndexes()
    {
        if (_positions is not null)
        {
            return;
        }
        _positions = new Dictionary<long, int>(State.Numbers.Count);
        for (var i = 0; i < State.Numbers.Count; i++)
        {
            _positions[State.Numbers[i]] = i;
        }
        _rowOf = new Dictionary<int, int>(State.RowIndexes.Count);
        for (var k = 0; k < State.RowIndexes.Count; k++)
        {
            _rowOf[State.RowIndexes[k]] = k;
        }
    }

    int NameIndex(string name)
    {
        var at = State.VariableNames.IndexOf(name);
        if (at < 0)
        {
            at = State.VariableNames.Count;
            State.VariableNames.Add(name);
        }
        return at;
    }

    /// <summary>Replaces a contact's variables; rows are as wide as the names were when written (missing means absent).</summary>
    void SetRow(int position, int[] names, string?[] values)
    {
        var row = new string?[State.VariableNames.Count];
        for (var n = 0; n < names.Length && n < values.Length; n++)
        {
            row[names[n]] = values[n];
        }
        if (_rowOf!.TryGetValue(position, out var k))
        {
            State.Rows[k] = row;
            return;
        }
        _rowOf[position] = State.Rows.Count;
        State.RowIndexes.Add(position);
        State.Rows.Add(row);
    }
}

[GenerateSerializer, Alias("contact-shard-state")]
internal sealed class ContactShardState
{
    [Id(0)] public List<long> Numbers { get; set; } = [];
    [Id(1)] public List<string> VariableNames { get; set; } = [];
    [Id(2)] public List<int> RowIndexes { get; set; } = [];
    [Id(3)] public List<string?[]> Rows { get; set; } = [];
    /// <summary>See <see cref="AddedAtMarks"/>: where each upload's new contacts start, and when it was.</summary>
    [Id(33)] public List<int> AddedAtPositions { get; set; } = [];
    [Id(34)] public List<long> AddedAtTicks { get; set; } = [];
}
