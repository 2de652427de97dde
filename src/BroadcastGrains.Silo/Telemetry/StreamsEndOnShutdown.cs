namespace BroadcastGrains.Silo.Telemetry;

/// <summary>
/// Graceful shutdown: on SIGTERM the server waits for requests in flight, and an event stream
/// (<c>GET /v1/broadcasts/{id}/events</c>) would hold it until its broadcast ends. Streams therefore see the request as
/// aborted once the host is stopping; clients reconnect (to another silo, or to this one after its restart) and
/// continue from the broadcast's current state, which the stream always sends whole.
/// </summary>
internal static class StreamsEndOnShutdown
{
    public static void UseStreamsEndOnShutdown(this WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.Use(async (context, next) =>
        {
            if (!IsEventStream(context.Request))
            {
                await next(context);
                return;
            }
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            context.RequestAborted = either.Token;
            try
            {
                await next(context);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The stream ends here; the client sees the connection close without a final event.
            }
        });
    }

    static bool IsEventStream(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Value?.EndsWith("/events", StringComparison.Ordinal) == true;
}
