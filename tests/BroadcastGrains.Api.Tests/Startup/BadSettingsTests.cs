using BroadcastGrains.Testing.Hosting;

namespace BroadcastGrains.Api.Tests.Startup;

/// <summary>
/// A silo started with a setting out of its range stops before it serves, with exit code 2 and a line naming the
/// setting as the operator wrote it, rather than starting with it or dying on an unhandled exception.
/// </summary>
public sealed class BadSettingsTests
{
    const int BadConfiguration = 2;
    static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("Broadcast__Cluster__SiloPort", "-1", "Broadcast:Cluster:SiloPort (Broadcast__Cluster__SiloPort)")]
    [InlineData("Broadcast__Cluster__GatewayPort", "70000", "Broadcast:Cluster:GatewayPort (Broadcast__Cluster__GatewayPort)")]
    [InlineData("Broadcast__ReceiptWindowMinutes", "0", "Broadcast:ReceiptWindowMinutes (Broadcast__ReceiptWindowMinutes)")]
    [InlineData("Broadcast__Simulator__FailedPercent", "101", "Broadcast:Simulator:FailedPercent (Broadcast__Simulator__FailedPercent)")]
    public async Task A_bad_setting_stops_the_silo_with_exit_code_2_naming_the_setting(string variable, string value, string named)
    {
        var environment = SiloEndpoints.Fresh().Environment();
        environment["Broadcast__Storage"] = "Memory";
        environment["Broadcast__Cluster__ClusterId"] = "bad-settings-" + Guid.NewGuid().ToString("N")[..8];
        environment[variable] = value;
        await using var silo = ChildSilo.Launch(environment);

        var exitCode = await silo.WaitForExitAsync(ExitDeadline);

        Assert.True(exitCode == BadConfiguration, $"exit code {exitCode}:\n{silo.Log}");
        Assert.Contains(named, silo.Log, StringComparison.Ordinal);
        Assert.Contains("Refusing to start", silo.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", silo.Log, StringComparison.Ordinal);
    }
}
