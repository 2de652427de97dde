using BroadcastGrains.Carrier.Connectors.Rate;
using BroadcastGrains.Telemetry;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Carrier.Connectors;

/// <summary>
/// Makes the rate gate and daily allowance of each connector a silo opens, from its settings; what the registry needs
/// to build them, gathered in one place.
/// </summary>
internal sealed class ConnectorLimits(IGrainFactory grains, TimeProvider time, ConnectorMetrics? metrics, ILoggerFactory loggers)
{
    public TimeProvider Time => time;

    public ConnectorMetrics? Metrics => metrics;

    /// <summary>A gate for the connector's <c>MaxSubmitsPerSecond</c>, or null when it has none.</summary>
    public ConnectorRateGate? RateGate(ConnectorSettings settings) => settings.MaxSubmitsPerSecond > 0
        ? new ConnectorRateGate(settings.Name, settings.MaxSubmitsPerSecond, grains, time, loggers.CreateLogger<ConnectorRateGate>())
        : null;

    /// <summary>The connector's <c>DailyLimit</c> on this silo, or null when it has none.</summary>
    public DailyAllowance? Allowance(ConnectorSettings settings)
    {
        if (settings.DailyLimit <= 0)
        {
            return null;
        }
        var (name, limit) = (settings.Name, settings.DailyLimit);
        // About a second's sending per lease (a few hundred parts without a rate): few grain calls, little left unused.
        var block = settings.MaxSubmitsPerSecond > 0 ? settings.MaxSubmitsPerSecond : 500;
        return new DailyAllowance(
            async (day, wanted) => await grains.GetGrain<IConnectorDayGrain>(IConnectorDayGrain.KeyOf(name, day)).LeaseAsync(wanted, limit),
            block, time);
    }
}
