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
        api.MapGet("/{id}/runs", RunsAsync).WithName("ListRuns");
        api.MapGet("/{id}/events", EventsAsync).WithName("BroadcastEvents");
    }

    static async Task<Results<Ok<Page<RunJson>>, ProblemHttpResult>> RunsAsync(string id, ClientContext client, IGrainFactory grains)
    {
        var runs = BroadcastIds.IsWellFormed(id) ? await grains.GetGrain<IBroadcastGrain>(id).GetRunsAsync(client.ClientId) : null;
        return runs is null ? BroadcastsApi.NotFound() : TypedResults.Ok(Page<RunJson>.Of(runs.Select(RunJson.Of).ToList(), null));
    }

    /// <summary>
    /// <c>text/event-stream</c>: a <c>progress</c> event with the broadcast object twice a second until it reaches a final
    /// status, then one <c>final</c> event, and the stream ends.
    /// </summary>
    static async Task<IResult> EventsAsync(string id, ClientContext client, IGrainFactory grains, HttpContext context,
        IOptions<JsonOptions> json, TimeProvider time)
    {
        var grain = BroadcastIds.IsWellFormed(id) ? grains.GetGrain<IBroadcastGrain>(id) : null;
        var view = grain is null ? null : await grain.GetAsync(client.ClientId);
        if (view is null)
        {
            return BroadcastsApi.NotFound();
        }
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var cancel = context.RequestAborted;
        while (!cancel.IsCancellationRequested)
        {
            var final = view.Status is BroadcastStatus.Completed or BroadcastStatus.Cancelled or BroadcastStatus.Failed;
            var data = JsonSerializer.Serialize(BroadcastJson.Of(view), json.Value.SerializerOptions);
            await response.WriteAsync($"event: {(final ? "final" : "progress")}\ndata: {data}\n\n", cancel);
            await response.Body.FlushAsync(cancel);
            if (final)
            {
                break;
            }
            await Task.Delay(SnapshotEvery, time, cancel);
            view = await grain!.GetAsync(client.ClientId) ?? view;
        }
        return Results.Empty;
    }
}
