using System.Globalization;
using System.Net;
using BroadcastGrains.Testing.Hosting;
using BroadcastGrains.Testing.Security;

namespace BroadcastGrains.ExternalClient.Tests.Security;

/// <summary>
/// API.md "Running and configuration": the silo and gateway ports listen on the advertised address only, unless
/// <c>Broadcast__Cluster__ListenAddress</c> says otherwise. Anyone who reaches them can call any grain.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class ListenAddressTests
{
    const string AdminKey = "adm_listen_address_tests_0123456789abcdef";

    [Fact]
    public async Task The_silo_and_gateway_ports_listen_on_the_advertised_address_only()
    {
        await using var silo = await EmbeddedSilo.StartAsync(AdminKey, "listen-default");
        var (siloPort, gatewayPort) = (silo.Endpoints.SiloPort, silo.Endpoints.GatewayPort);

        Assert.True(await PortProbe.AcceptsAsync(IPAddress.Loopback, gatewayPort), silo.Log);
        Assert.True(await PortProbe.AcceptsAsync(IPAddress.Loopback, siloPort), silo.Log);
        Assert.False(await PortProbe.AcceptsAsync(PortProbe.OtherLocalAddress, gatewayPort), "gateway open on 127.0.0.2");
        Assert.False(await PortProbe.AcceptsAsync(PortProbe.OtherLocalAddress, siloPort), "silo port open on 127.0.0.2");
    }

    [Fact]
    public async Task ListenAddress_binds_the_ports_to_another_address_while_the_silo_advertises_its_own()
    {
        await using var silo = await EmbeddedSilo.StartAsync(AdminKey, "listen-other",
            new Dictionary<string, string> { ["Broadcast__Cluster__ListenAddress"] = "127.0.0.2" });
        var gatewayPort = silo.Endpoints.GatewayPort;

        Assert.True(await PortProbe.AcceptsAsync(PortProbe.OtherLocalAddress, gatewayPort), silo.Log);
        Assert.True(await PortProbe.AcceptsAsync(PortProbe.OtherLocalAddress, silo.Endpoints.SiloPort), silo.Log);
        Assert.False(await PortProbe.AcceptsAsync(IPAddress.Loopback, gatewayPort), "gateway open on 127.0.0.1");
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{silo.Endpoints.SiloPort}"), silo.Log,
            StringComparison.Ordinal);
    }
}
