using BroadcastGrains.Testing.Hosting;

namespace BroadcastGrains.Cli.Tests.Hosting;

/// <summary>
/// One silo process for the CLI tests. The simulator is capped at 40,000 messages a second so a 100,000-recipient send
/// lasts a few seconds: long enough for the progress display to show it moving.
/// </summary>
public sealed class SiloFixture : ISilo, IAsyncLifetime
{
    public const string AdminKey = "cli-tests-operator-key";

    EmbeddedSilo? _silo;

    public Uri Address => (_silo ?? throw new InvalidOperationException("The silo is not started.")).Address;

    public string Log => _silo?.Log ?? "";

    public async Task InitializeAsync() => _silo = await EmbeddedSilo.StartAsync(AdminKey, ClusterIds.Fresh(), new Dictionary<string, string>
    {
        ["Broadcast__Simulator__MessagesPerSecond"] = "40000",
        ["Broadcast__Simulator__ReceiptDelayMs"] = "100",
    });

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }
}
