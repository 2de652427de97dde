using System.Collections.Concurrent;

namespace BroadcastGrains.Testing;

/// <summary>
/// Fails chosen grain-to-grain calls, the way a storage write that throws or a silo that dies half-way fails them: the
/// call never reaches its grain. Installed in every test cluster; a fault only touches the calls its test chose.
/// </summary>
public sealed class GrainCallFaults : IOutgoingGrainCallFilter
{
    static readonly ConcurrentDictionary<Fault, byte> Faults = new();

    /// <summary>Fails the next <paramref name="times"/> calls of <typeparamref name="TGrain"/>.<paramref name="method"/> that <paramref name="when"/> picks.</summary>
    public static Fault Begin<TGrain>(string method, Func<IOutgoingGrainCallContext, bool> when, int times = 1)
    {
        var fault = new Fault(typeof(TGrain), method, when, times);
        Faults[fault] = 0;
        return fault;
    }

    /// <summary>Fails calls to the grain keyed <paramref name="targetKey"/>.</summary>
    public static Fault Begin<TGrain>(string method, string targetKey, int times = 1) =>
        Begin<TGrain>(method, c => c.TargetId.Key.ToString() == targetKey, times);

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        foreach (var fault in Faults.Keys)
        {
            if (fault.Takes(context))
            {
                throw new InvalidOperationException($"Test fault: {fault.Method} to {context.TargetId} failed.");
            }
        }
        return context.Invoke();
    }

    public sealed class Fault(Type grain, string method, Func<IOutgoingGrainCallContext, bool> when, int times) : IDisposable
    {
        readonly ConcurrentQueue<string> _targets = new();
        int _left = times;

        public string Method { get; } = method;

        /// <summary>The keys of the grains whose calls failed, in order.</summary>
        public IReadOnlyList<string> Targets => [.. _targets];

        public bool Takes(IOutgoingGrainCallContext context)
        {
            if (context.InterfaceMethod is not { } called || called.Name != Method || called.DeclaringType != grain || !when(context))
            {
                return false;
            }
            if (Interlocked.Decrement(ref _left) < 0)
            {
                return false;
            }
            _targets.Enqueue(context.TargetId.Key.ToString()!);
            return true;
        }

        public void Dispose() => Faults.TryRemove(this, out _);
    }
}
