using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary>
/// <c>{{var|fallback}}</c> and request-level <c>variables</c> on create: a recipient's value wins, then the request's,
/// then the fallback; segments and price are per recipient after rendering; the request limits hold for them.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class VariableFallbackTests(ApiFixture api)
{
    [Fact]
    public async Task Recipient_values_win_over_request_values_which_win_over_fallbacks_and_each_is_priced_as_rendered()
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var perSegment = await api.DefaultPriceAsync();
        var numbers = CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, 3));
        var body = CreateBodies.Body();
        body["body"] = "Hi {{name|friend}}, code {{code}}";
        body["variables"] = new JsonObject { ["code"] = "R1" };
        body["recipients"] = new JsonArray(
            // A long name of its own: 2 segments.
            new JsonObject { ["to"] = numbers[0], ["variables"] = new JsonObject { ["name"] = new string('a', 170) } },
            // Neither value: "Hi friend, code R1", 1 segment.
            numbers[1],
            // Its own long code beats the request's short one: 2 segments.
            new JsonObject { ["to"] = numbers[2], ["variables"] = new JsonObject { ["code"] = new string('c', 170) } });

        var created = await tenant.SendAsync(body);

        Assert.Equal(5 * perSegment, created.Dec("estimatedCredits"));
        Assert.Equal(2, created.Long("segmentsPerMessage"));
        var segments = (await tenant.RecipientsAsync(created.Str("id"))).ToDictionary(r => r.Str("to"), r => r.Long("segments"));
        Assert.Equal(2, segments[numbers[0]]);
        Assert.Equal(1, segments[numbers[1]]);
        Assert.Equal(2, segments[numbers[2]]);
    }

    [Fact]
    public async Task A_placeholder_without_recipient_request_or_fallback_value_is_MISSING_VARIABLE()
    {
        const decimal opening = 10m;
        using var tenant = await Tenant.CreateAsync(api, opening);
        var body = CreateBodies.Body("+12125551234");
        body["body"] = "Hi {{name|friend}}, code {{code}}";
        body["variables"] = new JsonObject { ["other"] = "x" };

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "MISSING_VARIABLE");
        await tenant.AssertNothingHappenedAsync(opening);
    }

    [Fact]
    public async Task Request_values_count_toward_the_50_names_and_the_rendered_1600_characters()
    {
        const decimal opening = 10m;
        using var tenant = await Tenant.CreateAsync(api, opening);
        var names = new JsonObject();
        for (var n = 0; n < 30; n++)
        {
            names[$"r{n}"] = "x";
        }
        var tooMany = CreateBodies.Body();
        tooMany["recipients"] = new JsonArray(new JsonObject { ["to"] = "+12125551234", ["variables"] = names });
        tooMany["variables"] = new JsonObject(Enumerable.Range(0, 21).Select(n => KeyValuePair.Create($"q{n}", (JsonNode?)"y")));
        using var manyResponse = await tenant.Http.PostJsonAsync("/v1/broadcasts", tooMany.ToJsonString());
        await manyResponse.AssertProblemAsync(HttpStatusCode.BadRequest, "TOO_MANY_VARIABLES");

        var tooLong = CreateBodies.Body("+12125551234", "+12125551235");
        tooLong["body"] = "{{v}}{{v}}{{v}}{{v}}";
        tooLong["variables"] = new JsonObject { ["v"] = new string('v', 401) };
        using var longResponse = await tenant.Http.PostJsonAsync("/v1/broadcasts", tooLong.ToJsonString());
        var problem = await longResponse.AssertProblemAsync(HttpStatusCode.BadRequest, "BODY_TOO_LONG");
        Assert.Equal(["0", "1"], problem["errors"]!["recipients"]!.AsArray().Select(i => i!.GetValue<string>()));

        var valueTooLong = CreateBodies.Body("+12125551234");
        valueTooLong["variables"] = new JsonObject { ["v"] = new string('v', 501) };
        using var valueResponse = await tenant.Http.PostJsonAsync("/v1/broadcasts", valueTooLong.ToJsonString());
        await valueResponse.AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        await tenant.AssertNothingHappenedAsync(opening);
    }
}
