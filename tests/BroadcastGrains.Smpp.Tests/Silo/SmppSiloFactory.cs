using System.Globalization;
using BroadcastGrains.Smpp.Tests.Smsc;
using BroadcastGrains.Testing.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BroadcastGrains.Smpp.Tests.Silo;

/// <summary>
/// The silo as <c>dotnet run</c> starts it (Program.cs), configured with <c>Broadcast:Carrier=Smpp</c> against the test
/// SMSC, on free Orleans ports and a cluster id of its own.
/// </summary>
internal sealed class SmppSiloFactory(SmscProcess smsc, string password) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var ports = FreePorts.Take(2);
        var settings = new Dictionary<string, string?>
        {
            ["Broadcast:AdminKey"] = "smpp-tests-operator-key",
            ["Broadcast:Carrier"] = "Smpp",
            ["Broadcast:Smpp:Host"] = "127.0.0.1",
            ["Broadcast:Smpp:Port"] = smsc.SmppPort.ToString(CultureInfo.InvariantCulture),
            ["Broadcast:Smpp:SystemId"] = "s" + Guid.NewGuid().ToString("N")[..10],
            ["Broadcast:Smpp:Password"] = password,
            ["Broadcast:Smpp:ReconnectMinMs"] = "50",
            ["Broadcast:Cluster:SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["Broadcast:Cluster:GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
            ["Broadcast:Cluster:ClusterId"] = "smpp-tests-" + Guid.NewGuid().ToString("N")[..8],
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
