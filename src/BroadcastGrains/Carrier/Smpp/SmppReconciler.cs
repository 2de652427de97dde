using BroadcastGrains.Carrier.Connectors;

namespace BroadcastGrains.Carrier.Smpp;

/// <summary>
/// The SMPP connectors' side of <see cref="ISentMessageReconciler"/>: each message goes to the connector that accepted
/// it; one whose connector is not known (its submit outcome was lost) goes to every SMPP connector, by address only.
/// </summary>
internal sealed class SmppReconciler(ConnectorRegistry registry) : ISentMessageReconciler
{
    readonly SmppCarrier[] _carriers = [.. registry.Connectors.Select(c => c.Carrier).OfType<SmppCarrier>()];

    public bool IsNeeded => _carriers.Length > 0;

    public Task ReconcileAsync(SentMessages messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return Task.WhenAll(_carriers.Select(carrier =>
        {
            var mine = new List<int>();
            for (var k = 0; k < messages.Indexes.Length; k++)
            {
                var connector = messages.Connectors[k];
                if (connector is null || string.Equals(connector, carrier.Name, StringComparison.OrdinalIgnoreCase))
                {
                    mine.Add(k);
                }
            }
            return mine.Count == 0 ? Task.CompletedTask : carrier.ReRegisterAsync(messages, mine);
        }));
    }
}
