using BroadcastGrains.Carrier;
using BroadcastGrains.Routing;
using static BroadcastGrains.Tests.Routing.RoutesFor;

namespace BroadcastGrains.Tests.Routing;

/// <summary>
/// The send path's per-recipient routing: each message goes to the connector of its route, in one group per
/// connector; no route and MMS without an MMS connector are refused with their reason; a route with no connector up
/// waits; a connector that fails after another took its share leaves only its own messages to send again.
/// </summary>
public sealed class RoutedSubmitTests
{
    const long Ug = 256771234567;
    const long Us = 14155550100;
    const long Ke = 254712345678;

    static readonly CompiledRoutes Table = Compile(
        Route("UG", countries: ["UG"], connectors: ["smsc-a", "smsc-b"]),
        Route("US", countries: ["US"], connectors: ["smsc-b"]),
        Route("MMS", countries: ["GB"], connectors: ["sim"]));

    readonly RecordingLink _a = new("smsc-a");
    readonly RecordingLink _b = new("smsc-b");
    readonly RecordingLink _sim = new("sim");

    ICarrierLink[] Links => [_a, _b, _sim];

    [Fact]
    public async Task Each_message_goes_to_its_routes_connector_and_unmatched_ones_are_no_route()
    {
        var batch = Batch([Ug, Us, Ke, Ug], ["UG", "US", "KE", "UG"]);
        var results = new SubmitResult[4];

        await RoutedSubmit.SubmitAsync(Table, new UpSet(0, 1, 2), Links, batch, results, CancellationToken.None);

        Assert.Equal([Ug, Ug], _a.Numbers);
        Assert.Equal([Us], _b.Numbers);
        Assert.Equal([SubmitStatus.Accepted, SubmitStatus.Accepted, SubmitStatus.Rejected, SubmitStatus.Accepted], results.Select(r => r.Status));
        Assert.Equal(RoutedSubmit.NoRoute, results[2].Error);
        Assert.Equal<string?>(["UG", "US", null, "UG"], batch.Routing!.Routes.AsEnumerable());
        Assert.Equal<string?>(["smsc-a", "smsc-b", null, "smsc-a"], batch.Routing.Connectors.AsEnumerable());
    }

    [Fact]
    public async Task An_mms_whose_route_has_only_smpp_is_refused_as_mms_not_supported()
    {
        var batch = Batch([Ug, 447700900123], ["UG", "GB"], isMms: true);
        var results = new SubmitResult[2];

        await RoutedSubmit.SubmitAsync(Table, new UpSet(0, 1, 2), Links, batch, results, CancellationToken.None);

        Assert.Equal(SubmitStatus.Rejected, results[0].Status);
        Assert.Equal(RoutedSubmit.MmsNotSupported, results[0].Error);
        Assert.Empty(_a.Numbers);
        Assert.Equal([447700900123L], _sim.Numbers);
    }

    [Fact]
    public async Task Failover_takes_the_next_connector_up_and_none_up_waits()
    {
        var batch = Batch([Ug, Us], ["UG", "US"]);
        var results = new SubmitResult[2];

        await RoutedSubmit.SubmitAsync(Table, new UpSet(1), Links, batch, results, CancellationToken.None);
        Assert.Equal([Ug, Us], _b.Numbers);

        await RoutedSubmit.SubmitAsync(Table, new UpSet(2), Links, Batch([Us], ["US"]), results, CancellationToken.None);
        Assert.Equal(SubmitStatus.RetryLater, results[0].Status);
        Assert.Equal(RoutedSubmit.NoConnectorUp, results[0].Error);
    }

    [Fact]
    public async Task A_forced_route_takes_every_message_whatever_its_region()
    {
        var batch = Batch([Ug, Ke], ["UG", null], forced: "US");
        var results = new SubmitResult[2];

        await RoutedSubmit.SubmitAsync(Table, new UpSet(0, 1, 2), Links, batch, results, CancellationToken.None);

        Assert.Equal([Ug, Ke], _b.Numbers);
        Assert.All(results, r => Assert.Equal(SubmitStatus.Accepted, r.Status));
    }

    [Fact]
    public async Task A_connector_failing_after_another_took_its_share_leaves_only_its_own_to_send_again()
    {
        _b.Throws = true;
        var results = new SubmitResult[2];

        await RoutedSubmit.SubmitAsync(Table, new UpSet(0, 1, 2), Links, Batch([Ug, Us], ["UG", "US"]), results, CancellationToken.None);

        Assert.Equal([SubmitStatus.Accepted, SubmitStatus.RetryLater], results.Select(r => r.Status));
        Assert.Equal([Ug], _a.Numbers);
    }

    [Fact]
    public async Task When_no_connector_took_anything_the_batch_throws_so_all_of_it_is_sent_again()
    {
        _b.Throws = true;
        var results = new SubmitResult[1];

        await Assert.ThrowsAsync<IOException>(() =>
            RoutedSubmit.SubmitAsync(Table, new UpSet(0, 1, 2), Links, Batch([Us], ["US"]), results, CancellationToken.None).AsTask());
    }

    static SubmitBatch Batch(long[] numbers, string?[] regions, bool isMms = false, string? forced = null) =>
        new("bc_1/1/0", "Acme", [.. Enumerable.Range(0, numbers.Length)], numbers, [.. numbers.Select(_ => "hi")],
            [.. numbers.Select(_ => (byte)1)], isMms ? ["https://example.com/a.jpg"] : null, numbers.Length,
            new BatchRouting("cl_a", forced, isMms, regions));

    sealed class UpSet(params int[] up) : IConnectorStates
    {
        public bool IsUp(int connector) => up.Contains(connector);
    }
}
