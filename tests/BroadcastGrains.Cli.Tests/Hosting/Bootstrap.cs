using System.Text.Json.Nodes;

namespace BroadcastGrains.Cli.Tests.Hosting;

/// <summary>A client made with <c>admin bootstrap --json</c>, exactly as an operator would.</summary>
internal sealed record Bootstrap(string ClientId, string Key)
{
    public const string Sender = "MyShop";

    public static async Task<Bootstrap> CreateAsync(ISilo silo, decimal credits, string adminKey = SiloFixture.AdminKey)
    {
        var run = await Broadcast.RunAsync(silo, "admin", "bootstrap", "--admin-key", adminKey, "--name", "Shop " + Guid.NewGuid().ToString("N")[..6],
            "--credits", credits.ToString(System.Globalization.CultureInfo.InvariantCulture), "--sender", Sender, "--json");
        Assert.True(run.ExitCode == 0, run.Output);
        var json = JsonNode.Parse(run.Output.Split('\n').Last(l => l.StartsWith('{')))!;
        return new Bootstrap(json["clientId"]!.GetValue<string>(), json["key"]!.GetValue<string>());
    }
}
