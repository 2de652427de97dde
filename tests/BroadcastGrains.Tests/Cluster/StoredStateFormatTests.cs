using BroadcastGrains.Storage;
using BroadcastGrains.Wallet;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// The test silo stores grain state as a real silo does: a state type that only round-trips in Orleans' default JSON
/// (a member without an [Id], say) would pass every cluster test and lose data in production.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StoredStateFormatTests(ClusterFixture cluster)
{
    [Theory]
    [InlineData(StorageNames.Grains)]
    [InlineData(StorageNames.Recipients)]
    public void Test_silo_storage_uses_the_production_grain_state_serializer(string storageName)
    {
        var options = cluster.SiloService<IOptionsMonitor<MemoryGrainStorageOptions>>().Get(storageName);

        Assert.IsType<BinaryStateSerializer>(options.GrainStorageSerializer);
    }

    [Fact]
    public async Task A_wallet_stored_in_the_production_format_reads_back_with_its_balance_and_ledger()
    {
        var wallet = cluster.Grains.GetGrain<IWalletGrain>("format-" + Guid.NewGuid().ToString("N"));
        await wallet.TopUpAsync("invoice-format", 12.5m);

        var stored = await cluster.ReadStoredAsync<WalletState>("wallet", wallet.GetGrainId());

        Assert.Equal(12.5m, stored.Balance);
    }
}
