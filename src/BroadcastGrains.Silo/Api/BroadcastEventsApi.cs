using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Silo.Api.Json;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Silo.Api;

/// <summary>Runs and the live event stream of a broadcast.</summary>
internal static class BroadcastEventsApi
{
    static readonly TimeSpan SnapshotEvery = TimeSpan.FromMilliseconds(500);

    public static void MapBroadcastEventsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/{id}/runs", RunsAsync).RequireAuthorization(Scopes.SmsRead).WithName("ListRuns");
        api.MapGet("/{id}/events", EventsAsync).RequireAuthorization(Scopes.SmsRead).WithName("BroadcastEvents");
    }

    static async Task<Results<Ok<Page<RunJson>>, ProblemHttpResult>> RunsAsync(string id, ClientContext client, IGrainFactory grains)
    {
        var runs = BroadcastIds.IsWellFormed(id) ? await grains.GetGrain<IBroadcastGrain>(id).GetRunsAsync(client.ClientId) : null;
        return runs is null ? BroadcastsApi.NotFound() : TypedResults.Ok(Page<RunJson>.Of(runs.Select(RunJson.Of).ToList(), null));
    }

    /// <summary>
    /// <c>text/event-stream</c>: while the broadcast is sending, a <c>progress</c> event with the broadcast object twice a
    /// second, then one <c>final</c> event once it reaches a final status, and the stream ends. A broadcast that is not
    /// sending (draft, scheduled, pending approval, paused) gets one <c>progress</c> event: nothing would change it soon,
    /// and a stream held open on it would only tie up a connection. At most <see cref="EventStreamSlots.Limit"/>
    /// streams per client are open at once.
    /// </summary>
    static async Task<IResult> EventsAsync(string id, ClientContext client, IGrainFactory grains, HttpContext context,
        IOptions<JsonOptions> json, TimeProvider time, EventStreamSlots slots)
    {
        var grain = BroadcastIds.IsWellFormed(id) ? grains.GetGrain<IBroadcastGrain>(id) : null;
        var view = grain is null ? null : await grain.GetAsync(client.ClientId);
        if (view is null)
        {
            return BroadcastsApi.NotFound();
        }
        if (!slots.TryTake(client.ClientId))
        {
            context.Response.Headers.RetryAfter = "5";
            return ApiProblems.Result(ErrorCodes.RateLimited, $"at most {EventStreamSlots.Limit} event streams may be open at once");
        }
        // Proxies such as nginx would otherwise hold the events back (the result itself turns off the server's buffering).
        context.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(SnapshotsAsync(view, grain!, client, context.RequestAborted, json.Value.SerializerOptions, time, slots));
    }

    /// <summary>
    /// The stream's events; it holds the client's slot from the handler until the stream ends, however it ends (the last
    /// event, the client gone, the silo stopping), because the result enumerates it after the handler returned.
    /// </summary>
    static async IAsyncEnumerable<SseItem<string>> SnapshotsAsync(BroadcastView view, IBroadcastGrain grain, ClientContext client,
        [EnumeratorCancellation] CancellationToken cancel, JsonSerializerOptions json, TimeProvider time, EventStreamSlots slots)
    {
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                var final = view.Status is BroadcastStatus.Completed or BroadcastStatus.Cancelled or BroadcastStatus.Failed;
                yield return new SseItem<string>(JsonSerializer.Serialize(BroadcastJson.Of(view), json), final ? "final" : "progress");
                if (final || view.Status != BroadcastStatus.Sending)
                {
                    yield break;
                }
                await Task.Delay(SnapshotEvery, time, cancel);
                view = await grain.GetAsync(client.ClientId) ?? view;
            }
        }
        finally
        {
            slots.Give(client.ClientId);
        }
    }
}
