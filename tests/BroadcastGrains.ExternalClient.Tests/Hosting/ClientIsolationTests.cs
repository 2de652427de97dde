using BroadcastGrains.Catalogue;

namespace BroadcastGrains.ExternalClient.Tests.Hosting;

/// <summary>The point of this project: an outside app needs the contracts and nothing of the server.</summary>
[Collection(ExternalClusterCollection.Name)]
public sealed class ClientIsolationTests(ExternalClusterFixture cluster)
{
    static readonly string[] ServerAssemblies = ["BroadcastGrains", "BroadcastGrains.Silo"];

    [Fact]
    public async Task The_client_talks_to_the_cluster_without_the_grains_or_silo_assemblies()
    {
        // A call first, so that whatever the Orleans client loads to serve it has been loaded.
        var prices = await cluster.Client.GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).GetAsync();

        var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).ToHashSet();
        Assert.True(prices.DefaultPerSegment > 0);
        Assert.Contains("BroadcastGrains.Abstractions", loaded);
        Assert.All(ServerAssemblies, name => Assert.DoesNotContain(name, loaded));
        Assert.All(ServerAssemblies, name => Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, name + ".dll")),
            $"{name}.dll was copied next to the test assembly"));
    }
}
