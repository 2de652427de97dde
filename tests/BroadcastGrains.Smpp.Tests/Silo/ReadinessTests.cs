using System.Net;
using BroadcastGrains.Smpp.Tests.Link;
using BroadcastGrains.Smpp.Tests.Smsc;

namespace BroadcastGrains.Smpp.Tests.Silo;

[Collection(LinkCollection.Name)]
public sealed class ReadinessTests(LinkFixture fixture)
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_silo_whose_bind_the_smsc_refuses_answers_not_ready_naming_the_component_only()
    {
        await using var silo = new SmppSiloFactory(fixture.Smsc, "wrong");
        using var http = silo.CreateClient();

        var (status, body) = await Eventually.ReadAsync(() => ReadyAsync(http), r => r.Status == HttpStatusCode.ServiceUnavailable,
            Deadline, "/health/ready to answer 503");

        Assert.Contains("NOT_READY", body, StringComparison.Ordinal);
        // The answer needs no key: it names the failing check, the SMSC's reason stays in the log.
        Assert.Contains("smpp", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ESME_RINVPASWD", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
    }

    [Fact]
    public async Task A_silo_bound_to_its_smsc_answers_ready()
    {
        await using var silo = new SmppSiloFactory(fixture.Smsc, SmscProcess.Password);
        using var http = silo.CreateClient();

        var (status, body) = await Eventually.ReadAsync(() => ReadyAsync(http), r => r.Status == HttpStatusCode.OK, Deadline,
            "/health/ready to answer 200");

        Assert.Contains("ready", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    static async Task<(HttpStatusCode Status, string Body)> ReadyAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
