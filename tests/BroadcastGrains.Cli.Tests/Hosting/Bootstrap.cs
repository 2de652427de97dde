using System.Text.Json.Nodes;

namespace BroadcastGrains.Cli.Tests.Hosting;

/// <summary>A client made with <c>admin bootstrap --json</c>, exactly as an operator would.</summary>
/// <param name="Sender">The client's own approved sender name: a name is approved for one client at a time.</param>
internal sealed record Bootstrap(string ClientId, string Key, string Sender)
{
    public static async Task<Bootstrap> CreateAsync(ISilo silo, decimal credits, string adminKey = SiloFixture.AdminKey)
    {
        var sender = "Shop" + Guid.NewGuid().ToString("N")[..6];
        var run = await Broadcast.RunAsync(silo, "admin", "bootstrap", "--admin-key", adminKey, "--name", "Shop " + Guid.NewGuid().ToString("N")[..6],
            "--credits", credits.ToString(System.Globalization.CultureInfo.InvariantCulture), "--sender", sender, "--json");
        Assert.True(run.ExitCode == 0, run.Output);
        var json = JsonNode.Parse(run.Output.Split('\n').Last(l => l.StartsWith('{')))!;
        return new Bootstrap(json["clientId"]!.GetValue<string>(), json["key"]!.GetValue<string>(), sender);
    }
}
