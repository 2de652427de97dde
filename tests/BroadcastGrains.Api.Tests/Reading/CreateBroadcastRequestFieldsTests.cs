using BroadcastGrains.Broadcasts;
using BroadcastGrains.Silo.Api.Broadcasts.Reading;

namespace BroadcastGrains.Api.Tests.Reading;

public class CreateBroadcastRequestFieldsTests
{
    private const string EveryField = """
        {
          "name": "Spring sale", "from": "MyShop", "body": "Hi {{first_name}}", "templateName": "promo",
          "mediaUrls": ["https://cdn.example/1.png", "https://cdn.example/2.png"],
          "recipients": ["+14155550100"], "listIds": ["cl_1", "cl_2"], "defaultRegion": "UG",
          "onDuplicate": "skip", "scheduleMode": "drip", "scheduledAt": "2030-01-31T09:00:00+03:00",
          "recurrenceRule": "FREQ=DAILY;COUNT=3", "timezone": "Africa/Kampala", "dripRatePerMinute": 600,
          "deliveryWindow": {"start": "09:00", "end": "20:30"}, "validityMinutes": 60, "dryRun": true
        }
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_field_round_trips(bool segmented)
    {
        var request = (await RequestBodies.ReadAsync(EveryField, segmented)).Succeeded();

        Assert.Equal("Spring sale", request.Name);
        Assert.Equal("MyShop", request.From);
        Assert.Equal("Hi {{first_name}}", request.Body);
        Assert.Equal("promo", request.TemplateName);
        Assert.Equal(["https://cdn.example/1.png", "https://cdn.example/2.png"], request.MediaUrls);
        Assert.True(request.RecipientsGiven);
        Assert.Equal([14155550100L], request.Recipients.Numbers);
        Assert.Equal(["cl_1", "cl_2"], request.ListIds);
        Assert.Equal("UG", request.DefaultRegion);
        Assert.Equal(DuplicatePolicy.Skip, request.OnDuplicate);
        Assert.Equal(
            new ScheduleSpec(
                ScheduleMode.Drip,
                new DateTimeOffset(2030, 1, 31, 9, 0, 0, TimeSpan.FromHours(3)),
                "FREQ=DAILY;COUNT=3",
                "Africa/Kampala",
                600,
                new DeliveryWindow(new TimeOnly(9, 0), new TimeOnly(20, 30))),
            request.Schedule);
        Assert.Equal(60, request.ValidityMinutes);
        Assert.True(request.DryRun);
    }

    [Fact]
    public async Task ToCommand_carries_every_field_and_the_client()
    {
        var request = (await RequestBodies.ReadAsync(EveryField)).Succeeded();

        var command = request.ToCommand("client-1");

        Assert.Equal(
            new CreateBroadcastCommand(
                "client-1", "Spring sale", "MyShop", "Hi {{first_name}}", "promo", request.MediaUrls,
                request.Recipients, request.ListIds, "UG", DuplicatePolicy.Skip, request.Schedule, 60, DryRun: true),
            command);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""
        {"name":null,"from":null,"body":null,"templateName":null,"mediaUrls":null,"recipients":null,"listIds":null,
         "defaultRegion":null,"onDuplicate":null,"scheduleMode":null,"scheduledAt":null,"recurrenceRule":null,
         "timezone":null,"dripRatePerMinute":null,"deliveryWindow":null,"validityMinutes":null,"dryRun":null}
        """)]
    public async Task Absent_and_null_fields_read_as_the_defaults(string json)
    {
        var request = (await RequestBodies.ReadBothWaysAsync(json)).Succeeded();

        Assert.Equal(CreateBroadcastRequest.Defaults, request);
        Assert.False(request.RecipientsGiven);
        Assert.Same(RecipientInput.Empty, request.Recipients);
        Assert.Equal(ScheduleSpec.Now, request.Schedule);
        Assert.Equal(CreateBroadcastCommand.DefaultValidityMinutes, request.ValidityMinutes);
    }

    [Fact]
    public async Task An_empty_recipients_array_counts_as_given()
    {
        var request = (await RequestBodies.ReadAsync("""{"recipients":[]}""")).Succeeded();

        Assert.True(request.RecipientsGiven);
        Assert.Equal(0, request.Recipients.Count);
    }

    [Fact]
    public async Task A_missing_name_and_sender_reach_the_grain_as_empty_text()
    {
        var command = (await RequestBodies.ReadAsync("{}")).Succeeded().ToCommand("client-1");

        Assert.Equal(string.Empty, command.Name);
        Assert.Equal(string.Empty, command.From);
    }

    [Fact]
    public async Task Unknown_properties_are_skipped_and_names_match_case_sensitively()
    {
        const string json = """
            {"extra":{"a":[1,{"b":null}],"name":"no"},"Name":"wrong case","n\u0061me":"escaped",
             "deliveryWindow":{"start":"08:00","note":[1],"end":"18:00"},"more":[[],{}]}
            """;

        var request = (await RequestBodies.ReadBothWaysAsync(json)).Succeeded();

        Assert.Equal("escaped", request.Name);
        Assert.Equal(new DeliveryWindow(new TimeOnly(8, 0), new TimeOnly(18, 0)), request.Schedule.DeliveryWindow);
    }

    [Theory]
    [InlineData("2030-01-31T09:00:00Z", 0)]
    [InlineData("2030-01-31T09:00:00.250-05:00", -5)]
    public async Task ScheduledAt_keeps_its_offset(string text, int offsetHours)
    {
        var request = (await RequestBodies.ReadAsync($$"""{"scheduledAt":"{{text}}"}""")).Succeeded();

        Assert.Equal(TimeSpan.FromHours(offsetHours), request.Schedule.ScheduledAt?.Offset);
        Assert.Equal(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture), request.Schedule.ScheduledAt);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_byte_order_mark_before_the_body_is_ignored(bool segmented)
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. """{"name":"x"}"""u8];

        var request = (await RequestBodies.ReadAsync(body, segmented)).Succeeded();

        Assert.Equal("x", request.Name);
    }
}
