using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Recipients that reached a final status, noted as they reach it and taken by the pump, which raises their
/// <c>message.*</c> events in batches. Once the client is known not to subscribe, nothing more is noted: a broadcast
/// can end millions of recipients, and a list of them nobody reads would only grow.
/// </summary>
internal sealed class FinalNotes
{
    List<int>? _indexes;

    /// <summary>Whether the client subscribes to message events; null until asked.</summary>
    public bool? Wanted { get; set; }

    /// <summary>True when something is noted and not yet taken.</summary>
    public bool Any => _indexes is { Count: > 0 };

    public void Note(int index)
    {
        if (Wanted != false)
        {
            (_indexes ??= []).Add(index);
        }
    }

    /// <summary>Notes every recipient already final (the plan blocks those with no route) when the slice starts to send.</summary>
    public void NoteFinal(byte[] statuses)
    {
        for (var i = 0; i < statuses.Length; i++)
        {
            if (MessageEventTypes.For((RecipientStatus)statuses[i]) is not null)
            {
                Note(i);
            }
        }
    }

    /// <summary>What was noted, in the order it was noted; nothing stays noted.</summary>
    public List<int> Take()
    {
        var taken = _indexes ?? [];
        _indexes = null;
        return taken;
    }
}
