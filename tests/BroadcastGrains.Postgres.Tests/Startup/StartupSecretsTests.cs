using BroadcastGrains.Postgres.Tests.Hosting;
using BroadcastGrains.Silo.Hosting;
using BroadcastGrains.Testing.Hosting;

namespace BroadcastGrains.Postgres.Tests.Startup;

/// <summary>
/// API.md: with PostgreSQL storage a silo refuses to start with an operator key or carrier secret under 24 characters
/// or left at an example value. The check runs before storage is touched, so these silos are pointed at a port where
/// no PostgreSQL listens: reaching it would show as a connection error instead of the refusal.
/// </summary>
public sealed class StartupSecretsTests
{
    const string NoServer = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2";
    const int BadConfiguration = 2;

    [Fact]
    public async Task A_short_operator_key_stops_the_silo_with_exit_code_2_and_says_why()
    {
        var (exitCode, output) = await SiloProcess.RunToExitAsync(NoServer,
            new Dictionary<string, string> { ["Broadcast__AdminKey"] = "too-short" });

        Assert.True(exitCode == BadConfiguration, output);
        Assert.Contains("Broadcast__AdminKey is 9 characters; at least 24 are needed", output, StringComparison.Ordinal);
        Assert.Contains("Refusing to start", output, StringComparison.Ordinal);
        // Refused before the schema gate ever called the (absent) server.
        Assert.DoesNotContain("PostgreSQL does not answer", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot read the schema version", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_example_carrier_secret_of_docker_compose_stops_the_silo()
    {
        var (exitCode, output) = await SiloProcess.RunToExitAsync(NoServer,
            new Dictionary<string, string> { ["Broadcast__CarrierSecret"] = "replace-with-a-long-random-carrier-secret" });

        Assert.True(exitCode == BadConfiguration, output);
        Assert.Contains("Broadcast__CarrierSecret is an example value", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_env_template_placeholders_are_refused_and_compose_has_no_default_secret()
    {
        var root = SiloBuild.RepositoryRoot.FullName;
        var template = File.ReadAllLines(Path.Combine(root, "deploy", "broadcast.env.example"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var compose = File.ReadAllLines(Path.Combine(root, "docker-compose.yml"));

        Assert.NotNull(SecretRule.Refusal(template["BROADCAST_ADMIN_KEY"]));
        Assert.NotNull(SecretRule.Refusal(template["BROADCAST_CARRIER_SECRET"]));
        var secretLines = compose.Where(l => l.Contains("Broadcast__AdminKey", StringComparison.Ordinal)
            || l.Contains("Broadcast__CarrierSecret", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(secretLines);
        Assert.All(secretLines, l => Assert.Contains(":?", l, StringComparison.Ordinal));
        Assert.All(compose.Where(l => l.TrimStart().StartsWith("- \"", StringComparison.Ordinal) && l.Contains(":5080", StringComparison.Ordinal)),
            l => Assert.Contains("${BROADCAST_PUBLISH_ADDRESS:-127.0.0.1}:", l, StringComparison.Ordinal));
    }
}
