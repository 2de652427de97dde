using BroadcastGrains.Testing.Hosting;
using BroadcastGrains.Testing.Security;

namespace BroadcastGrains.ExternalClient.Tests.Security;

/// <summary>A test CA and one silo process with mutual TLS on, its certificate issued by that CA.</summary>
public sealed class TlsSiloFixture : IAsyncLifetime
{
    public const string ClusterId = "broadcastgrains-tls";
    const string AdminKey = "adm_tls_tests_0123456789abcdef";
    const string PfxPassword = "silo-pfx-password";

    EmbeddedSilo? _silo;

    internal TestCertificateAuthority Authority { get; } = TestCertificateAuthority.Create("BroadcastGrains test cluster CA");

    internal EmbeddedSilo Silo => _silo ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        using var certificate = Authority.Issue("silo-a");
        _silo = await EmbeddedSilo.StartAsync(AdminKey, ClusterId, new Dictionary<string, string>
        {
            ["Broadcast__Cluster__TlsCertificatePath"] = Authority.WritePfx(certificate, PfxPassword),
            ["Broadcast__Cluster__TlsCertificatePassword"] = PfxPassword,
        });
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
        Authority.Dispose();
    }
}
