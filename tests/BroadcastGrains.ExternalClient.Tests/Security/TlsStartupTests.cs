using BroadcastGrains.Testing.Hosting;
using BroadcastGrains.Testing.Security;

namespace BroadcastGrains.ExternalClient.Tests.Security;

/// <summary>
/// A silo told to run with TLS but given a certificate it cannot use stops at once with exit code 2 and the reason,
/// rather than failing half-way through start-up with a TLS error, or running without the protection it was meant to have.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class TlsStartupTests : IDisposable
{
    const int BadConfiguration = 2;
    const string Password = "right-password";
    static readonly TimeSpan ExitDeadline = TimeSpan.FromSeconds(60);

    readonly TestCertificateAuthority _authority = TestCertificateAuthority.Create("Startup test CA");

    [Fact]
    public async Task A_certificate_path_that_does_not_exist_stops_the_silo_and_says_so()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.pfx");

        var (exitCode, log) = await RunAsync(missing, Password);

        Assert.True(exitCode == BadConfiguration, log);
        Assert.Contains($"Broadcast__Cluster__TlsCertificatePath '{missing}' does not exist", log, StringComparison.Ordinal);
        Assert.Contains("Refusing to start", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_certificate_password_stops_the_silo_and_says_so()
    {
        using var certificate = _authority.Issue("silo-a");
        var path = _authority.WritePfx(certificate, Password);

        var (exitCode, log) = await RunAsync(path, "wrong-password");

        Assert.True(exitCode == BadConfiguration, log);
        Assert.Contains("cannot be read with Broadcast__Cluster__TlsCertificatePassword", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_file_without_its_CA_stops_the_silo_because_it_could_trust_no_peer()
    {
        using var certificate = _authority.Issue("silo-a");
        var path = _authority.WritePfx(certificate, Password, withAuthority: false);

        var (exitCode, log) = await RunAsync(path, Password);

        Assert.True(exitCode == BadConfiguration, log);
        Assert.Contains("holds no CA certificate", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_only_certificate_stops_the_silo_because_a_silo_also_serves()
    {
        using var certificate = _authority.Issue("silo-a", silo: false);
        var path = _authority.WritePfx(certificate, Password);

        var (exitCode, log) = await RunAsync(path, Password);

        Assert.True(exitCode == BadConfiguration, log);
        Assert.Contains("must allow both serverAuth and clientAuth", log, StringComparison.Ordinal);
    }

    public void Dispose() => _authority.Dispose();

    static async Task<(int? ExitCode, string Log)> RunAsync(string certificatePath, string password)
    {
        var environment = SiloEndpoints.Fresh().Environment();
        environment["Broadcast__Storage"] = "Memory";
        environment["Broadcast__Cluster__TlsCertificatePath"] = certificatePath;
        environment["Broadcast__Cluster__TlsCertificatePassword"] = password;
        await using var silo = ChildSilo.Launch(environment);
        var exitCode = await silo.WaitForExitAsync(ExitDeadline);
        return (exitCode, silo.Log);
    }
}
