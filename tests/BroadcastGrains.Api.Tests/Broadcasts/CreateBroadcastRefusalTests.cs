using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary>Every refusal API.md lists for <c>POST /v1/broadcasts</c>, each leaving nothing created, held or sent.</summary>
[Collection(ApiCollection.Name)]
public sealed class CreateBroadcastRefusalTests(ApiFixture api)
{
    const decimal Opening = 50m;
    const string Us = "+12125551234";

    [Theory]
    [InlineData("""{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"]""")]
    [InlineData("""{"name":"x",}""")]
    [InlineData("""{"name":"x" "from":"y"}""")]
    [InlineData("""[{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"]}]""")]
    [InlineData("\"just a string\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("""{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"]} {}""")]
    public async Task A_body_that_is_not_one_JSON_object_is_INVALID_JSON(string body)
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);

        using var response = await tenant.Http.PostRawAsync("/v1/broadcasts", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_JSON");
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    public static TheoryData<string, string[]> InvalidFields => new()
    {
        { """{"from":"MyShop","body":"hi","recipients":["+12125551234"]}""", ["name"] },
        { """{"name":"  ","from":"MyShop","body":"hi","recipients":["+12125551234"]}""", ["name"] },
        { """{"name":"x","body":"hi","recipients":["+12125551234"]}""", ["from"] },
        { """{"body":"hi","recipients":["+12125551234"]}""", ["name", "from"] },
        { $$"""{"name":"{{new string('n', 201)}}","from":"MyShop","body":"hi","recipients":["+12125551234"]}""", ["name"] },
        { """{"name":7,"from":"MyShop","body":"hi","recipients":["+12125551234"]}""", ["name"] },
        { """{"name":"x","from":"ThisSenderIsTooLong","body":"hi","recipients":["+12125551234"]}""", ["from"] },
        { """{"name":"x","from":"MyShop","recipients":["+12125551234"]}""", ["body"] },
        { """{"name":"x","from":"MyShop","body":"","recipients":["+12125551234"]}""", ["body"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234", 14155550100]}""", ["recipients[1]"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":[true]}""", ["recipients[0]"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":[["+12125551234"]]}""", ["recipients[0]"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":[null]}""", ["recipients[0]"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":[{"variables":{"a":"b"}}]}""", ["recipients[0]"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":[{"to":12125551234}]}""", ["recipients[0]"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":"+12125551234"}""", ["recipients"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"],"mediaUrls":["https://a.example/1.png","https://a.example/2.png","https://a.example/3.png","https://a.example/4.png","https://a.example/5.png","https://a.example/6.png","https://a.example/7.png","https://a.example/8.png","https://a.example/9.png","https://a.example/10.png","https://a.example/11.png"]}""", ["mediaUrls"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"],"mediaUrls":["not a url"]}""", ["mediaUrls"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"],"scheduleMode":"sometime"}""", ["scheduleMode"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"],"scheduleMode":5}""", ["scheduleMode"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"],"onDuplicate":"merge"}""", ["onDuplicate"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"],"defaultRegion":"XX"}""", ["defaultRegion"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"],"validityMinutes":0}""", ["validityMinutes"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"],"validityMinutes":"60"}""", ["validityMinutes"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"],"dryRun":"yes"}""", ["dryRun"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"],"scheduledAt":"next tuesday"}""", ["scheduledAt"] },
        { """{"name":"x","from":"MyShop","body":"hi","recipients":["+12125551234"],"deliveryWindow":{"start":"9am","end":"20:00"}}""", ["deliveryWindow.start"] },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_field_is_VALIDATION_FAILED_naming_the_field(string body, string[] fields)
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);

        using var response = await tenant.Http.PostRawAsync("/v1/broadcasts", body);

        await response.AssertValidationAsync(fields);
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Fact]
    public async Task One_recipient_over_two_million_is_TOO_MANY_RECIPIENTS()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);

        using var response = await tenant.Http.SendRawAsync(HttpMethod.Post, "/v1/broadcasts", BodyWithRecipients(2_000_001));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "TOO_MANY_RECIPIENTS");
        Assert.Equal(["recipients"], Problems.ErrorFields(problem));
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Fact]
    public async Task Duplicates_are_rejected_by_default_naming_at_most_ten_of_them()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var numbers = CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, 15));
        // Each number twice: fifteen duplicates, only ten of which the answer names.
        var body = CreateBodies.Body([.. numbers, .. numbers]);

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "DUPLICATE_RECIPIENTS");
        Assert.Equal(["recipients"], Problems.ErrorFields(problem));
        var named = problem["errors"]!.Arr("recipients").Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(10, named.Count);
        Assert.All(named, n => Assert.Contains(n, numbers));
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Fact]
    public async Task Duplicates_are_found_after_E164_normalisation()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = CreateBodies.Body("+447400123456", "+44 7400 123456");
        body["onDuplicate"] = "reject";

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "DUPLICATE_RECIPIENTS");
        Assert.Equal(["+447400123456"], problem["errors"]!.Arr("recipients").Select(n => n!.GetValue<string>()));
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Theory]
    [InlineData("""{"name":"x","from":"MyShop","body":"hi","recipients":[]}""")]
    [InlineData("""{"name":"x","from":"MyShop","body":"hi"}""")]
    [InlineData("""{"name":"x","from":"MyShop","body":"hi","recipients":null}""")]
    public async Task No_recipients_is_NO_RECIPIENTS(string body)
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);

        using var response = await tenant.Http.PostRawAsync("/v1/broadcasts", body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "NO_RECIPIENTS");
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Fact]
    public async Task A_body_of_1601_characters_is_BODY_TOO_LONG()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = CreateBodies.Body(Us);
        body["body"] = new string('a', 1601);

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "BODY_TOO_LONG");
        Assert.Equal(["body"], Problems.ErrorFields(problem));
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Fact]
    public async Task A_body_of_exactly_1600_characters_is_accepted()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = CreateBodies.Body(Us);
        body["body"] = new string('a', 1600);
        body["dryRun"] = true;

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        var broadcast = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(11, broadcast.Long("segmentsPerMessage"));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public async Task An_unknown_time_zone_is_INVALID_TIMEZONE(string timezone)
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = CreateBodies.Body(Us);
        body["timezone"] = timezone;

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_TIMEZONE");
        Assert.Equal(["timezone"], Problems.ErrorFields(problem));
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Fact]
    public async Task Too_few_credits_is_402_INSUFFICIENT_CREDITS_and_nothing_is_held()
    {
        // Three recipients at the default 0.01 a segment need 0.03; the client has 0.02.
        using var tenant = await Tenant.CreateAsync(api, 0.02m);
        var body = CreateBodies.Body(CreateBodies.E164(CreateBodies.ValidNumbers(12125550100, 3)));

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        await response.AssertProblemAsync(HttpStatusCode.PaymentRequired, "INSUFFICIENT_CREDITS");
        await tenant.AssertNothingHappenedAsync(0.02m);
    }

    [Fact]
    public async Task A_client_without_credits_cannot_send()
    {
        using var tenant = await Tenant.CreateAsync(api);

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", CreateBodies.Body(Us).ToJsonString());

        await response.AssertProblemAsync(HttpStatusCode.PaymentRequired, "INSUFFICIENT_CREDITS");
        await tenant.AssertNothingHappenedAsync(0m);
    }

    [Fact]
    public async Task A_template_name_is_refused_because_the_client_has_no_templates()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = CreateBodies.Body(Us);
        body.Remove("body");
        body["templateName"] = "welcome";

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "TEMPLATE_NOT_FOUND");
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    [Fact]
    public async Task A_contact_list_id_is_refused_because_the_client_has_no_lists()
    {
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var body = CreateBodies.Body();
        body.Remove("recipients");
        body["listIds"] = new JsonArray("cl_missing");

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "LIST_NOT_FOUND");
        await tenant.AssertNothingHappenedAsync(Opening);
    }

    /// <summary>A create body with <paramref name="count"/> recipients, written straight as bytes (~30 MB at two million).</summary>
    static byte[] BodyWithRecipients(int count)
    {
        var head = """{"name":"big","from":"MyShop","body":"hi","recipients":["""u8;
        var item = "\"+12125551234\","u8;
        var body = new byte[head.Length + (item.Length * count) + 1];
        head.CopyTo(body);
        var at = head.Length;
        for (var i = 0; i < count; i++, at += item.Length)
        {
            item.CopyTo(body.AsSpan(at));
        }
        // The last item's comma becomes the array's end, and the object's end follows.
        body[at - 1] = (byte)']';
        body[at] = (byte)'}';
        return body;
    }
}
