using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Limits;

/// <summary>
/// API.md: each recipient's rendered message is at most 1,600 characters, else <c>BODY_TOO_LONG</c> naming up to 10
/// recipient indexes. Before, a long value made a message of more than 255 parts, charged as 255 with part numbers
/// that wrapped.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RenderedLengthTests(ApiFixture api)
{
    const decimal Opening = 500m;

    [Theory]
    [InlineData("/v1/broadcasts")]
    [InlineData("/v1/broadcasts/precheck")]
    public async Task Recipients_whose_rendered_message_is_over_1600_characters_are_BODY_TOO_LONG_by_index(string path)
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        // Four uses of a 500-character value render 2,000 characters; 12 of 15 recipients have one.
        var tooLong = Enumerable.Range(2, 12).ToHashSet();
        var numbers = CreateBodies.ValidNumbers(12125550100, 15);
        var body = CreateBodies.Body();
        body["body"] = "{{v}}{{v}}{{v}}{{v}}";
        body["recipients"] = new JsonArray([.. numbers.Select((n, i) => (JsonNode)new JsonObject
        {
            ["to"] = CreateBodies.E164(n),
            ["variables"] = new JsonObject { ["v"] = new string('a', tooLong.Contains(i) ? 500 : 10) },
        })]);

        using var response = await tenant.Http.PostJsonAsync(path, body.ToJsonString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "BODY_TOO_LONG");
        var named = problem["errors"]!.Arr("recipients").Select(n => int.Parse(n!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(10, named.Count);
        Assert.All(named, i => Assert.Contains(i, tooLong));
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Fact]
    public async Task A_rendered_message_of_exactly_1600_characters_is_priced_under_255_parts()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = CreateBodies.Body();
        body["body"] = "{{v}}{{v}}{{v}}{{v}}";
        // UCS-2 (an emoji-free non-GSM letter) at 1,600 characters: 24 parts of 67.
        body["recipients"] = new JsonArray(new JsonObject
        {
            ["to"] = "+12125551234",
            ["variables"] = new JsonObject { ["v"] = new string('ж', 400) },
        });

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts/precheck", body.ToJsonString());

        var precheck = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(24, precheck.Long("segmentsPerMessage"));
    }
}
