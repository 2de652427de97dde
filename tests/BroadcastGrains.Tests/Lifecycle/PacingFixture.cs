using System.Diagnostics;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// A cluster of its own for the minutes-long pacing scenarios. xunit runs a collection's tests one after another, so
/// the fixture starts every scenario's broadcast at once and each test waits for its own: the collection takes as long
/// as the longest scenario (the three-minute drip), not their sum. Each scenario has its own client.
/// </summary>
public sealed class PacingFixture : ClusterFixture
{
    /// <summary>Issue 5: drip at 600 a minute over 3 minutes.</summary>
    public const int DripPerMinute = 600;
    public const int DripCount = 1_800;

    /// <summary>Three partitions of 2,000 (the fixture's partition size) sharing one rate of 6,000 a minute: a minute's work.</summary>
    public const int SharedPerMinute = 6_000;
    public const int SharedCount = 6_000;

    /// <summary>A drip too slow to finish within its one-minute validity: half its recipients are still unsent then.</summary>
    public const int ExpiringPerMinute = 600;
    public const int ExpiringCount = 1_200;
    public const int ExpiringValidityMinutes = 1;

    public const decimal OpeningBalance = 1000m;

    static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(100);

    Scenario? _drip, _shared, _expiring;
    Task<IReadOnlyList<Sample>>? _sharedSamples;

    public Scenario Drip => _drip ?? throw new InvalidOperationException("The fixture is not initialised.");

    public Scenario Shared => _shared ?? throw new InvalidOperationException("The fixture is not initialised.");

    public Scenario Expiring => _expiring ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The shared-rate drip's recipients accepted by the carrier, sampled from the start until it completes.</summary>
    public Task<IReadOnlyList<Sample>> SharedSamples => _sharedSamples ?? throw new InvalidOperationException("The fixture is not initialised.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var started = await Task.WhenAll(
            StartAsync(DripCount, Schedules.Drip(DripPerMinute)),
            StartAsync(SharedCount, Schedules.Drip(SharedPerMinute)),
            StartAsync(ExpiringCount, Schedules.Drip(ExpiringPerMinute), ExpiringValidityMinutes));
        (_drip, _shared, _expiring) = (started[0], started[1], started[2]);
        _sharedSamples = SampleAsync(_shared);
    }

    async Task<Scenario> StartAsync(int count, ScheduleSpec schedule, int validityMinutes = CreateBroadcastCommand.DefaultValidityMinutes)
    {
        var clientId = await TestClients.CreateAsync(Grains, OpeningBalance);
        var (broadcast, created) = await LifecycleKit.CreateAsync(Grains, LifecycleKit.Command(clientId, count, schedule, validityMinutes: validityMinutes));
        return new Scenario(clientId, broadcast, created);
    }

    async Task<IReadOnlyList<Sample>> SampleAsync(Scenario scenario)
    {
        var samples = new List<Sample>();
        var clock = Stopwatch.StartNew();
        var giveUp = TimeSpan.FromMinutes(4);
        while (clock.Elapsed < giveUp)
        {
            var at = clock.Elapsed;
            var view = (await scenario.Broadcast.GetAsync(scenario.ClientId))!;
            samples.Add(new Sample(at, view.DrSummary.Accepted()));
            if (view.Status != BroadcastStatus.Sending)
            {
                break;
            }
            await Task.Delay(SampleEvery);
        }
        return samples;
    }

    public override async Task DisposeAsync()
    {
        foreach (var scenario in new[] { _drip, _shared, _expiring })
        {
            if (scenario is not null)
            {
                await scenario.Broadcast.CancelAsync(scenario.ClientId);
            }
        }
        await base.DisposeAsync();
    }
}
