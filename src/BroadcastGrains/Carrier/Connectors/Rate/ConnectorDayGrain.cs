using BroadcastGrains.Storage;

namespace BroadcastGrains.Carrier.Connectors.Rate;

/// <summary>What <see cref="IConnectorDayGrain"/> stores: the parts leased that day.</summary>
[GenerateSerializer, Alias("connector-day-state")]
internal sealed class ConnectorDayState
{
    [Id(0)] public long Leased { get; set; }
}

/// <summary>Grants leases while the day's limit lasts; one write per lease (a lease covers about a second of sending).</summary>
[GrainType("connector-day")]
internal sealed class ConnectorDayGrain(
    [PersistentState("connector-day", StorageNames.Grains)] IPersistentState<ConnectorDayState> day) : Grain, IConnectorDayGrain
{
    public async Task<long> LeaseAsync(long wanted, long limit)
    {
        var granted = Math.Clamp(limit - day.State.Leased, 0, Math.Max(0, wanted));
        if (granted > 0)
        {
            day.State.Leased += granted;
            await day.WriteStateAsync();
        }
        return granted;
    }

    public Task<long> LeasedAsync() => Task.FromResult(day.State.Leased);
}
