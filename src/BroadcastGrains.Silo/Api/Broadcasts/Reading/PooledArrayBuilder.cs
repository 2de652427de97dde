using System.Buffers;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>
/// An append-only column that grows in pooled arrays and is copied once, at its exact length, when done. Growing a
/// plain array by doubling would leave up to three times the final size as garbage at two million entries; renting
/// keeps the garbage to the one exact copy the caller keeps.
/// </summary>
/// <remarks>
/// Limited to unmanaged items so that returned arrays never need clearing: they hold no references to keep alive.
/// </remarks>
internal sealed class PooledArrayBuilder<T> : IDisposable
    where T : unmanaged
{
    private const int FirstCapacity = 1024;

    private T[] _items = [];
    private int _count;

    /// <summary>How many items were added.</summary>
    public int Count => _count;

    /// <summary>Appends one item.</summary>
    public void Add(T item)
    {
        if (_count == _items.Length)
        {
            Grow();
        }
        _items[_count++] = item;
    }

    /// <summary>The items added so far, in an array of exactly <see cref="Count"/> items.</summary>
    public T[] ToArray() => _count == 0 ? [] : _items.AsSpan(0, _count).ToArray();

    /// <summary>Gives the pooled array back; the builder is empty afterwards.</summary>
    public void Dispose()
    {
        ReturnItems();
        _items = [];
        _count = 0;
    }

    private void Grow()
    {
        var next = ArrayPool<T>.Shared.Rent(Math.Max(FirstCapacity, _items.Length * 2));
        _items.AsSpan(0, _count).CopyTo(next);
        ReturnItems();
        _items = next;
    }

    private void ReturnItems()
    {
        if (_items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(_items);
        }
    }
}
