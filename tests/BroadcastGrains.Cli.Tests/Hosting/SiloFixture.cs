using BroadcastGrains.Testing.Hosting;

namespace BroadcastGrains.Cli.Tests.Hosting;

/// <summary>
/// One silo process for the CLI tests. The simulator is capped at 40,000 messages a second so a 100,000-recipient send
/// lasts a few seconds: long enough for the progress display to show it moving.
/// </summary>
public sealed class SiloFixture : ISilo, IAsyncLifetime
{
    public const string AdminKey = "cli-tests-operator-key";

    EmbeddedSilo? silo;

    public Uri Address => (silo ?? throw new InvalidOperationException("The silo is not started.")).Address;

    public string Log => silo?.Log ?? "";

    public async Task InitializeAsync() => silo = await EmbeddedSilo.StartAsync(AdminKey, ClusterIds.Fresh(), new Dictionary<string, string>
    {
        ["Broadcast__Simulator__MessagesPerSecond"] = "40000",
        ["Broadcast__Simulator__ReceiptDelayMs"] = "100",
    });

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}
