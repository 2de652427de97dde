using System.Net;
using BroadcastGrains.Postgres.Tests.Hosting;
using BroadcastGrains.Testing.Security;

namespace BroadcastGrains.Postgres.Tests.Cluster;

/// <summary>
/// API.md: a silo on PostgreSQL listens on its advertised address only. It used to bind every interface, so anyone
/// who reached port 30000 on any of the host's networks could call <c>IWalletGrain</c>.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ListenAddressTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_postgres_silo_listens_on_its_advertised_address_only()
    {
        var database = await postgres.CreateMigratedDatabaseAsync("listen_address");
        await using var silo = await SiloProcess.StartAsync(SiloEndpoints.Fresh(), database);

        Assert.True(await PortProbe.AcceptsAsync(IPAddress.Loopback, silo.Endpoints.GatewayPort), silo.Log);
        Assert.False(await PortProbe.AcceptsAsync(PortProbe.OtherLocalAddress, silo.Endpoints.SiloPort), "silo port on 127.0.0.2");
        Assert.False(await PortProbe.AcceptsAsync(PortProbe.OtherLocalAddress, silo.Endpoints.GatewayPort), "gateway on 127.0.0.2");
        SiloLog.AssertClean(silo.Log);
    }
}
