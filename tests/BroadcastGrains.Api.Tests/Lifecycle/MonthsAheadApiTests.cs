using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Lifecycle;

/// <summary>
/// Issue 13 item 1: a schedule months ahead is created (201), not refused with a 500 by Orleans' ~49.7-day limit on
/// timers and reminders. That it then fires on time is MonthsAheadTests' part, on a clock it can move.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MonthsAheadApiTests(ApiFixture api)
{
    [Theory]
    [InlineData(60)]
    [InlineData(200)]
    [InlineData(364)]
    public async Task A_broadcast_scheduled_months_ahead_is_created_and_waits_for_its_time(int days)
    {
        var at = WholeSeconds(DateTimeOffset.UtcNow.AddDays(days));

        var created = await CreateScheduledAsync(LifecycleBodies.Body(2, "scheduled", at), at);

        Assert.Equal([at], UpcomingRuns(created));
    }

    [Fact]
    public async Task A_drip_starting_sixty_days_ahead_is_created_and_waits_for_its_time()
    {
        var at = WholeSeconds(DateTimeOffset.UtcNow.AddDays(60));
        var body = LifecycleBodies.Body(2, "drip", at);
        body["dripRatePerMinute"] = 100;

        await CreateScheduledAsync(body, at);
    }

    [Fact]
    public async Task A_series_in_March_and_November_whose_next_run_is_months_away_is_created()
    {
        var body = LifecycleBodies.Body(2, "recurring");
        body["recurrenceRule"] = "FREQ=YEARLY;BYMONTH=3,11;BYMONTHDAY=1;BYHOUR=9;BYMINUTE=0;BYSECOND=0";
        // From any day of the year, runs in March and November are months apart: make the next one months away too.
        var next = NextFirstOfMarchOrNovember(DateTimeOffset.UtcNow.AddDays(50));
        body["scheduledAt"] = LifecycleBodies.Instant(next);

        var created = await CreateScheduledAsync(body, next);

        var runs = UpcomingRuns(created);
        Assert.Equal(5, runs.Count);
        Assert.All(runs, r => Assert.True(r.Month is 3 or 11 && r.Day == 1, $"{r:O} is not 1 March or 1 November"));
    }

    async Task<JsonNode> CreateScheduledAsync(JsonObject body, DateTimeOffset firstRun)
    {
        using var tenant = await Tenant.CreateAsync(api, 10m);

        using var response = await tenant.Http.PostJsonAsync("/v1/broadcasts", body.ToJsonString());

        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(("scheduled", (DateTimeOffset?)firstRun, 0m), (created.Str("status"), created.Time("nextRunAt"), created.Dec("heldCredits")));
        var read = await tenant.Http.GetJsonAsync($"/v1/broadcasts/{created.Str("id")}");
        Assert.Equal(("scheduled", (DateTimeOffset?)firstRun), (read.Str("status"), read.Time("nextRunAt")));
        return created;
    }

    static List<DateTimeOffset> UpcomingRuns(JsonNode broadcast) =>
        [.. broadcast.Arr("upcomingRuns").Select(t => DateTimeOffset.Parse(t!.GetValue<string>(), CultureInfo.InvariantCulture))];

    static DateTimeOffset WholeSeconds(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    static DateTimeOffset NextFirstOfMarchOrNovember(DateTimeOffset after)
    {
        var month = new DateTimeOffset(after.Year, after.Month, 1, 9, 0, 0, TimeSpan.Zero);
        while (month <= after || month.Month is not (3 or 11))
        {
            month = month.AddMonths(1);
        }
        return month;
    }
}
