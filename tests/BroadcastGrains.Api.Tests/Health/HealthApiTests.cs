using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Health;

[Collection(ApiCollection.Name)]
public sealed class HealthApiTests(ApiFixture api)
{
    [Theory]
    [InlineData("/health/live", "live")]
    [InlineData("/health/ready", "ready")]
    public async Task Health_answers_200_without_a_key(string path, string status)
    {
        using var http = api.Anonymous();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        var body = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(status, body.Str("status"));
    }

    [Fact]
    public async Task Health_ignores_a_bad_key()
    {
        using var http = api.WithBearer("not-a-key");

        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
