using System.Net;
using System.Net.Security;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Testing.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Connections.Security;

namespace BroadcastGrains.ExternalClient.Tests.Security;

/// <summary>
/// API.md: with <c>Broadcast__Cluster__TlsCertificatePath</c> set, only peers presenting a certificate this silo trusts
/// (one its CA issued) can connect. An Orleans client configured as SECURITY.md says calls grains; a client without a
/// certificate, with one from another CA, or without TLS at all, gets no grain call through.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class MutualTlsTests(TlsSiloFixture cluster) : IClassFixture<TlsSiloFixture>
{
    // A trusted client is connected and answered in well under a second; the refused ones never are. The Orleans
    // client retries a gateway that drops it, so a refusal shows as no answer by the deadline, or as an error.
    static readonly TimeSpan RefusalDeadline = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task A_client_with_a_certificate_from_the_cluster_CA_calls_a_grain()
    {
        using var certificate = cluster.Authority.Issue("billing-app", silo: false);

        using var client = await StartClientAsync(orleans => orleans.UseTls(certificate, TrustClusterCa));
        var prices = await client.Services.GetRequiredService<IClusterClient>()
            .GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).GetAsync();

        Assert.True(prices.DefaultPerSegment > 0);
    }

    [Fact]
    public async Task A_client_without_a_certificate_is_refused()
    {
        await AssertRefusedAsync(orleans => orleans.UseTls(TrustClusterCa));
    }

    [Fact]
    public async Task A_client_with_a_certificate_from_another_CA_is_refused()
    {
        using var stranger = TestCertificateAuthority.Create("Someone else's CA");
        using var certificate = stranger.Issue("intruder", silo: false);

        await AssertRefusedAsync(orleans => orleans.UseTls(certificate, TrustClusterCa));
    }

    [Fact]
    public async Task A_client_without_TLS_is_refused()
    {
        await AssertRefusedAsync(_ => { });
    }

    [Fact]
    public async Task A_raw_TLS_handshake_without_a_client_certificate_is_closed_before_any_Orleans_traffic()
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, cluster.Silo.Endpoints.GatewayPort);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        using var timeout = new CancellationTokenSource(RefusalDeadline);

        // TLS 1.3 finishes the client's side of the handshake before the server judges the (missing) certificate, so
        // the refusal shows on the first read: an alert or a closed connection, never data.
        var refused = false;
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "silo" }, timeout.Token);
            var read = await tls.ReadAsync(new byte[16], timeout.Token);
            refused = read == 0;
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
        {
            refused = true;
        }
        Assert.True(refused, "the gateway talked to a client without a certificate");
    }

    void TrustClusterCa(TlsOptions tls)
    {
        // The silo's certificate must come from the cluster's CA; its host name is not checked (see SECURITY.md).
        tls.RemoteCertificateValidation = (silo, _, _) => cluster.Authority.Issued(silo);
        tls.HandshakeTimeout = TimeSpan.FromSeconds(5);
    }

    async Task AssertRefusedAsync(Action<IClientBuilder> configureTls)
    {
        using var timeout = new CancellationTokenSource(RefusalDeadline);
        PriceTable? answer = null;
        var refusal = await Record.ExceptionAsync(async () =>
        {
            using var client = await StartClientAsync(configureTls, timeout.Token);
            answer = await client.Services.GetRequiredService<IClusterClient>()
                .GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).GetAsync().WaitAsync(timeout.Token);
        });
        Assert.Null(answer);
        Assert.NotNull(refusal);
    }

    async Task<IHost> StartClientAsync(Action<IClientBuilder> configureTls, CancellationToken cancellation = default)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(orleans =>
        {
            orleans.UseLocalhostClustering(cluster.Silo.Endpoints.GatewayPort,
                serviceId: TlsSiloFixture.ClusterId, clusterId: TlsSiloFixture.ClusterId);
            configureTls(orleans);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
