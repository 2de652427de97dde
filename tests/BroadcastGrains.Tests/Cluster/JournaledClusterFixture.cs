using BroadcastGrains.Partitions.Journal;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// A cluster whose partitions journal as in PostgreSQL mode, into a <see cref="FlakyJournal"/>, and whose carrier sends
/// no receipts of its own: a test delivers them, and decides when the journal fails.
/// </summary>
public sealed class JournaledClusterFixture : ClusterFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Broadcast:Simulator:NoReceiptPercent"] = "100",
        ["Broadcast:PartitionSize"] = "2000",
    };

    public FlakyJournal Journal => (FlakyJournal)SiloService<IPartitionJournal>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<IPartitionJournal, FlakyJournal>();
    }
}

/// <summary>Tests that share the journaled cluster (<see cref="JournaledClusterFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class JournaledClusterCollection : ICollectionFixture<JournaledClusterFixture>
{
    public const string Name = "Cluster (journaled)";
}
