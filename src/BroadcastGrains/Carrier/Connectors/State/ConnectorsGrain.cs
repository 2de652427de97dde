using BroadcastGrains.Routing;
using Orleans.Concurrency;

namespace BroadcastGrains.Carrier.Connectors.State;

/// <summary>
/// Asks each active silo (one call each, in parallel) for its connectors and merges the answers. Stateless: any silo
/// answers. A silo that does not answer within a few seconds is left out rather than failing the whole answer.
/// </summary>
[StatelessWorker, GrainType("connectors")]
internal sealed class ConnectorsGrain(ConnectorRegistry registry) : Grain, IConnectorsGrain
{
    static readonly TimeSpan SiloTimeout = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<ConnectorView>> ListAsync()
    {
        var hosts = await GrainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var answers = await Task.WhenAll(hosts.Keys.Select(AskAsync));
        var reports = answers.Where(a => a is not null).Select(a => a!).OrderBy(a => a[0].Silo, StringComparer.Ordinal).ToList();
        return [.. registry.Connectors.Select(connector =>
        {
            var silos = reports.Where(r => r.Length > connector.Index).Select(r => r[connector.Index]).ToList();
            var settings = connector.Settings;
            var up = silos.Any(s => s.State == ConnectorView.Up);
            return new ConnectorView(settings.Name, settings.Kind.ToString(), up ? ConnectorView.Up : ConnectorView.Down,
                settings.SupportsMms, settings.MaxSubmitsPerSecond, silos.Sum(s => s.SubmittedToday), silos, settings.DailyLimit);
        })];
    }

    async Task<ConnectorSiloView[]?> AskAsync(SiloAddress silo)
    {
        try
        {
            var answer = await GrainFactory.GetGrain<ISiloConnectorsGrain>(silo.ToParsableString()).GetAsync().WaitAsync(SiloTimeout);
            return answer is { Length: > 0 } ? answer : null;
        }
        catch (Exception e) when (e is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
        {
            return null;
        }
    }
}
