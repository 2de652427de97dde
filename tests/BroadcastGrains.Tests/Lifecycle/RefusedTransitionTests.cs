using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>
/// API.md's state rules, the refusing half: every command a status does not allow answers its code and leaves the
/// broadcast, the wallet and the ledger exactly as they were. (The allowed half is in the other Lifecycle tests.)
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RefusedTransitionTests(ClusterFixture cluster) : IAsyncLifetime
{
    readonly BroadcastsInState _states = new(cluster.Grains);

    public enum Command { Cancel, Pause, Resume, Approve, SendNow, Patch }

    /// <summary>The code API.md gives a command in a status, or null when the status allows it.</summary>
    static string? Refusal(Command command, BroadcastStatus status) => (command, status) switch
    {
        (Command.Cancel, BroadcastStatus.Completed) => ErrorCodes.AlreadyProcessing,
        (Command.Cancel, BroadcastStatus.Cancelled) => ErrorCodes.AlreadyCancelled,
        (Command.Cancel, _) => null,
        (Command.Pause, BroadcastStatus.Sending) => null,
        (Command.Pause, _) => ErrorCodes.InvalidState,
        (Command.Resume, BroadcastStatus.Paused) => null,
        (Command.Resume, _) => ErrorCodes.InvalidState,
        (Command.Approve, BroadcastStatus.PendingApproval) => null,
        (Command.Approve, _) => ErrorCodes.InvalidState,
        (Command.SendNow, BroadcastStatus.Draft or BroadcastStatus.Scheduled) => null,
        (Command.SendNow, _) => ErrorCodes.NotScheduled,
        (Command.Patch, BroadcastStatus.Draft or BroadcastStatus.Scheduled or BroadcastStatus.PendingApproval) => null,
        (Command.Patch, _) => ErrorCodes.InvalidState,
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    static Task<BroadcastOutcome> RunAsync(Command command, IBroadcastGrain broadcast, string clientId) => command switch
    {
        Command.Cancel => broadcast.CancelAsync(clientId),
        Command.Pause => broadcast.PauseAsync(clientId),
        Command.Resume => broadcast.ResumeAsync(clientId),
        Command.Approve => broadcast.ApproveAsync(clientId),
        Command.SendNow => broadcast.SendNowAsync(clientId),
        Command.Patch => broadcast.PatchAsync(clientId, new BroadcastPatch { Name = "Renamed", Body = "Changed text" }),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    public static TheoryData<BroadcastStatus> Statuses => BroadcastsInState.All;

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task Every_command_a_status_does_not_allow_is_refused_with_its_code_and_changes_nothing(BroadcastStatus status)
    {
        var (clientId, broadcast, view) = await _states.InStateAsync(status);
        Assert.Equal(status, view.Status);
        var before = await LifecycleKit.SnapshotAsync(cluster.Grains, broadcast, clientId);
        var refused = Enum.GetValues<Command>().Where(c => Refusal(c, status) is not null).ToList();
        Assert.NotEmpty(refused);

        foreach (var command in refused)
        {
            LifecycleKit.AssertRefused(await RunAsync(command, broadcast, clientId), Refusal(command, status)!,
                $"{command} of a {status.ToApiName()} broadcast");
        }

        await before.AssertUnchangedAsync(cluster.Grains, broadcast, clientId);
    }

    [Fact]
    public async Task A_command_for_a_broadcast_another_client_owns_is_not_found_and_changes_nothing()
    {
        var (clientId, broadcast, _) = await _states.InStateAsync(BroadcastStatus.Draft);
        var before = await LifecycleKit.SnapshotAsync(cluster.Grains, broadcast, clientId);
        var stranger = await TestClients.CreateAsync(cluster.Grains, 10m);

        foreach (var command in Enum.GetValues<Command>())
        {
            LifecycleKit.AssertRefused(await RunAsync(command, broadcast, stranger), ErrorCodes.NotFound, $"{command} by a stranger");
        }

        await before.AssertUnchangedAsync(cluster.Grains, broadcast, clientId);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _states.DisposeAsync();
}
