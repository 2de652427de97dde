using BroadcastGrains.Postgres.Tests.Hosting;
using BroadcastGrains.Testing.Security;

namespace BroadcastGrains.Postgres.Tests.Cluster;

/// <summary>
/// SECURITY.md "A private network with TLS": silos on PostgreSQL with certificates from one CA form a cluster over
/// mutual TLS: each dials the other's silo port with its own certificate and accepts the other's.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterTlsTests(PostgresFixture postgres)
{
    const string PfxPassword = "cluster-tls-tests-pfx";

    [Fact]
    public async Task Two_silos_with_certificates_from_one_CA_form_one_cluster_over_mutual_TLS()
    {
        using var authority = TestCertificateAuthority.Create("Cluster TLS test CA");
        var database = await postgres.CreateMigratedDatabaseAsync("cluster_tls");
        await using var siloA = await SiloProcess.StartAsync(SiloEndpoints.Fresh(), database, TlsSettings(authority, "silo-a"));
        await using var siloB = await SiloProcess.StartAsync(SiloEndpoints.Fresh(), database, TlsSettings(authority, "silo-b"));

        var (_, key) = await Api.CreateClientAsync(siloA, credits: 50);
        var broadcastId = await Api.SendBroadcastAsync(siloA, key);
        var throughB = await Api.WaitCompletedAsync(siloB, key, broadcastId);

        Assert.Equal(3, throughB["recipientCount"]!.GetValue<int>());
        // Each silo probes the other over the silo port; one that could not get through TLS would be declared dead.
        var active = await Eventually.ReadAsync(() => MembershipTable.ActiveSiloPortsAsync(database),
            ports => ports.Length == 2, "both silos to be Active in the membership table");
        Assert.Equal(new[] { siloA.Endpoints.SiloPort, siloB.Endpoints.SiloPort }.Order(), active.Order());
        SiloLog.AssertClean(siloA.Log);
        SiloLog.AssertClean(siloB.Log);
    }

    static Dictionary<string, string> TlsSettings(TestCertificateAuthority authority, string silo)
    {
        using var certificate = authority.Issue(silo);
        return new Dictionary<string, string>
        {
            ["Broadcast__Cluster__TlsCertificatePath"] = authority.WritePfx(certificate, PfxPassword),
            ["Broadcast__Cluster__TlsCertificatePassword"] = PfxPassword,
        };
    }
}
