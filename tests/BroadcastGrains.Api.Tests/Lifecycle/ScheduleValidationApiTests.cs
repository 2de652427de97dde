using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Lifecycle;

/// <summary>API.md's schedule fields: each invalid combination is a 400 with its code, naming the field, and creates nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class ScheduleValidationApiTests(ApiFixture api)
{
    /// <summary>A create body for a named case; times are relative to now, so they are made when the test runs.</summary>
    static JsonObject Case(string name)
    {
        var now = DateTimeOffset.UtcNow;
        var body = LifecycleBodies.Body(2);
        void Set(string field, JsonNode? value) => body[field] = value;
        switch (name)
        {
            case "scheduledAt in the past":
                Set("scheduleMode", "scheduled");
                Set("scheduledAt", LifecycleBodies.Instant(now.AddMinutes(-1)));
                break;
            case "scheduledAt over a year ahead":
                Set("scheduleMode", "scheduled");
                Set("scheduledAt", LifecycleBodies.Instant(now.AddDays(366)));
                break;
            case "recurring starting over a year ahead":
                Set("scheduleMode", "recurring");
                Set("recurrenceRule", "FREQ=DAILY");
                Set("scheduledAt", LifecycleBodies.Instant(now.AddDays(400)));
                break;
            case "scheduled without scheduledAt":
                Set("scheduleMode", "scheduled");
                break;
            case "unknown timezone":
                Set("scheduleMode", "recurring");
                Set("recurrenceRule", "FREQ=DAILY");
                Set("timezone", "Mars/Olympus_Mons");
                break;
            case "unknown timezone of a delivery window":
                Set("timezone", "Europe/Atlantis");
                Set("deliveryWindow", new JsonObject { ["start"] = "09:00", ["end"] = "20:00" });
                break;
            case "RRULE with an unknown FREQ":
                Set("scheduleMode", "recurring");
                Set("recurrenceRule", "FREQ=FORTNIGHTLY");
                break;
            case "RRULE without FREQ":
                Set("scheduleMode", "recurring");
                Set("recurrenceRule", "BYDAY=MO,WE");
                break;
            case "RRULE with COUNT and UNTIL":
                Set("scheduleMode", "recurring");
                Set("recurrenceRule", "FREQ=DAILY;COUNT=3;UNTIL=20300101T000000Z");
                break;
            case "RRULE every five minutes":
                Set("scheduleMode", "recurring");
                Set("recurrenceRule", "FREQ=MINUTELY;INTERVAL=5");
                break;
            case "RRULE with runs ten minutes apart by BYMINUTE":
                Set("scheduleMode", "recurring");
                Set("recurrenceRule", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0,10");
                break;
            case "recurring without recurrenceRule":
                Set("scheduleMode", "recurring");
                break;
            case "drip without a rate":
                Set("scheduleMode", "drip");
                break;
            case "drip at 0 a minute":
                Set("scheduleMode", "drip");
                Set("dripRatePerMinute", 0);
                break;
            case "drip above 60000 a minute":
                Set("scheduleMode", "drip");
                Set("dripRatePerMinute", 60_001);
                break;
            case "drip at 1 a minute":
                Set("scheduleMode", "drip");
                Set("dripRatePerMinute", 1);
                break;
            case "drip at 60000 a minute":
                Set("scheduleMode", "drip");
                Set("dripRatePerMinute", 60_000);
                break;
            case "scheduled a minute ahead":
                Set("scheduleMode", "scheduled");
                Set("scheduledAt", LifecycleBodies.Instant(now.AddMinutes(1)));
                break;
            case "scheduled 364 days ahead":
                Set("scheduleMode", "scheduled");
                Set("scheduledAt", LifecycleBodies.Instant(now.AddDays(364)));
                break;
            case "recurring in New York":
                Set("scheduleMode", "recurring");
                Set("recurrenceRule", "FREQ=WEEKLY;BYDAY=MO,WE");
                Set("timezone", "America/New_York");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "no such case");
        }
        return body;
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "scheduledAt in the past", "SCHEDULE_OUT_OF_RANGE", "scheduledAt" },
        { "scheduledAt over a year ahead", "SCHEDULE_OUT_OF_RANGE", "scheduledAt" },
        { "recurring starting over a year ahead", "SCHEDULE_OUT_OF_RANGE", "scheduledAt" },
        { "scheduled without scheduledAt", "VALIDATION_FAILED", "scheduledAt" },
        { "unknown timezone", "INVALID_TIMEZONE", "timezone" },
        { "unknown timezone of a delivery window", "INVALID_TIMEZONE", "timezone" },
        { "RRULE with an unknown FREQ", "INVALID_RRULE", "recurrenceRule" },
        { "RRULE without FREQ", "INVALID_RRULE", "recurrenceRule" },
        { "RRULE with COUNT and UNTIL", "INVALID_RRULE", "recurrenceRule" },
        { "RRULE every five minutes", "INVALID_RRULE", "recurrenceRule" },
        { "RRULE with runs ten minutes apart by BYMINUTE", "INVALID_RRULE", "recurrenceRule" },
        { "recurring without recurrenceRule", "VALIDATION_FAILED", "recurrenceRule" },
        { "drip without a rate", "VALIDATION_FAILED", "dripRatePerMinute" },
        { "drip at 0 a minute", "VALIDATION_FAILED", "dripRatePerMinute" },
        { "drip above 60000 a minute", "VALIDATION_FAILED", "dripRatePerMinute" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_invalid_schedule_is_400_with_its_code_naming_the_field_and_creates_nothing(string name, string code, string field)
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", Case(name).ToJsonString());

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.Contains(field, Problems.ErrorFields(problem));
        await tenant.AssertNothingHappenedAsync(10m);
    }

    public static TheoryData<string> Accepted => new()
    {
        "drip at 1 a minute", "drip at 60000 a minute", "scheduled a minute ahead", "scheduled 364 days ahead", "recurring in New York",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task A_schedule_at_the_edge_of_what_is_allowed_is_accepted(string name)
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);
        var body = Case(name);
        body["dryRun"] = true;

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        var priced = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(body["scheduleMode"]!.GetValue<string>(), priced.Str("scheduleMode"));
        await tenant.AssertNothingHappenedAsync(10m);
    }
}
