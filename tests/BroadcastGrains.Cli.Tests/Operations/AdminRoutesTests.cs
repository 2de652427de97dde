using System.Text.Json.Nodes;
using BroadcastGrains.Cli.Tests.Hosting;

namespace BroadcastGrains.Cli.Tests.Operations;

/// <summary>
/// <c>broadcast admin routes set/show</c> and <c>admin connectors</c> against a real silo process: a file's table is
/// stored and read back, a refused one changes nothing and its problems are printed by field.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class AdminRoutesTests(SiloFixture silo) : IDisposable
{
    readonly string _file = Path.Combine(Path.GetTempPath(), $"routes-{Guid.NewGuid():N}.json");

    Task<Broadcast.Run> Admin(params string[] args) => Broadcast.RunAsync(silo, ["admin", .. args, "--admin-key", SiloFixture.AdminKey]);

    [Fact]
    public async Task Set_stores_the_file_s_table_show_reads_it_back_and_a_refused_table_changes_nothing()
    {
        await File.WriteAllTextAsync(_file, """
            [{"code": "UG_MTN", "countries": ["UG"], "prefixes": ["+25677"], "connectors": ["simulator"], "pricePerSegment": 0.006},
             {"code": "REST", "connectors": ["simulator"], "strategy": "roundRobin"}]
            """);
        var set = await Admin("routes", "set", "--file", _file);
        Assert.True(set.ExitCode == 0, set.Output);
        Assert.Contains("UG_MTN", set.Output, StringComparison.Ordinal);
        Assert.Contains("+25677", set.Output, StringComparison.Ordinal);

        await File.WriteAllTextAsync(_file, """{"routes": [{"code": "X", "connectors": ["smsc-nowhere"]}]}""");
        var refused = await Admin("routes", "set", "--file", _file);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("routes[0].connectors", refused.Output, StringComparison.Ordinal);

        var show = await Admin("routes", "show", "--json");
        Assert.True(show.ExitCode == 0, show.Output);
        var table = JsonNode.Parse(show.Output.Split('\n').Last(l => l.StartsWith('{')))!;
        Assert.Equal(["UG_MTN", "REST"], table["routes"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()));
        Assert.Equal("roundRobin", table["routes"]![1]!["strategy"]!.GetValue<string>());

        await File.WriteAllTextAsync(_file, """{"routes": []}""");
        var cleared = await Admin("routes", "set", "--file", _file);
        Assert.True(cleared.ExitCode == 0, cleared.Output);
        Assert.Contains("implicit default route", cleared.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_table_is_a_usage_error()
    {
        await File.WriteAllTextAsync(_file, """{"code": "lonely"}""");

        var run = await Admin("routes", "set", "--file", _file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("must hold", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connectors_show_the_simulator_up_on_the_silo()
    {
        var run = await Admin("connectors");

        Assert.True(run.ExitCode == 0, run.Output);
        var row = run.Output.Split('\n').Single(l => l.Contains("simulator", StringComparison.Ordinal));
        Assert.Contains(" up ", row, StringComparison.Ordinal);
        Assert.Contains("1/1", row, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_file);
}
