using BroadcastGrains.Hosting;
using BroadcastGrains.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>
/// The API silo with the broadcasts reading their schedule from a <see cref="ShiftedClock"/>: a test moves it to a
/// run's time and ticks the broadcast's reminder as Orleans would then, so a weekly series runs twice in seconds.
/// </summary>
public sealed class ClockedApiFixture : ApiFixture
{
    const string ScheduleReminder = "schedule";

    internal ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(BroadcastClock.Key, Clock));
    }

    /// <summary>Moves the broadcasts' clock to <paramref name="at"/> and delivers the broadcast's schedule reminder.</summary>
    public Task RunAtAsync(string broadcastId, DateTimeOffset at)
    {
        Clock.AdvanceTo(at);
        var grains = Services.GetRequiredService<IGrainFactory>();
        return grains.GetGrain<IRemindable>(GrainId.Create("broadcast", broadcastId))
            .ReceiveReminder(ScheduleReminder, new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(1), DateTime.UtcNow));
    }
}
