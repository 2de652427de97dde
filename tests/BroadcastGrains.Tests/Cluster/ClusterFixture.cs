using BroadcastGrains.Carrier.Simulator;
using BroadcastGrains.Testing.Silo;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// One in-process silo (<see cref="TestSilo"/>) with a simulator carrier that records every submission and
/// <see cref="ProgressReportOutage"/> installed. Shared by a collection of tests; each test uses its own client ids, so
/// tests never see each other's money or broadcasts. The price table and the simulator's counters are cluster-wide.
/// </summary>
public class ClusterFixture : TestSilo
{
    /// <summary>Settings every cluster gets: receipts soon, submissions tracked, 2,000 recipients a partition.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Broadcast:Simulator:TrackSubmissions"] = "true",
        ["Broadcast:Simulator:ReceiptDelayMs"] = "50",
        ["Broadcast:PartitionSize"] = "2000",
    };

    /// <summary>The silo's simulator: its <c>Submitted</c> and <c>DuplicateSubmissions</c> are what the carrier saw.</summary>
    public SimulatorCarrier Carrier => SiloService<SimulatorCarrier>();

    /// <summary>A derived fixture that adds services of its own calls this first.</summary>
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IOutgoingGrainCallFilter, ProgressReportOutage>();
}
