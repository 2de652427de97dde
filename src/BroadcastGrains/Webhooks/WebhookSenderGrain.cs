using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Webhooks;

/// <summary>
/// A timer that takes due deliveries from the client's outbox, POSTs them (a few at a time, each bounded by
/// <see cref="WebhookOptions.TimeoutSeconds"/>), and reports back. It stops when nothing is pending and is woken again
/// by the outbox. Being its own grain, a slow endpoint only ever holds up this grain.
/// </summary>
[GrainType("webhook-sender")]
internal sealed partial class WebhookSenderGrain(
    IHttpClientFactory http,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookSenderGrain> logger)
    : Grain, IWebhookSenderGrain
{
    public const string HttpClientName = "webhooks";
    static readonly TimeSpan TickEvery = TimeSpan.FromSeconds(1);

    IGrainTimer? _timer;

    public Task WakeAsync()
    {
        _timer ??= this.RegisterGrainTimer(DeliverAsync, new GrainTimerCreationOptions(TimeSpan.Zero, TickEvery) { KeepAlive = true });
        return Task.CompletedTask;
    }

    async Task DeliverAsync(CancellationToken cancellationToken)
    {
        var queue = GrainFactory.GetGrain<IWebhookQueueGrain>(this.GetPrimaryKeyString());
        var due = await queue.TakeDueAsync(options.Value.MaxConcurrency * 4);
        if (due.Items.Count == 0)
        {
            if (!due.MorePending)
            {
                _timer?.Dispose();
                _timer = null;
            }
            return;
        }
        using var gate = new SemaphoreSlim(options.Value.MaxConcurrency);
        var results = await Task.WhenAll(due.Items.Select(async item =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await PostAsync(item, due.Secret, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        await queue.CompleteAsync(results);
    }

    async Task<AttemptResult> PostAsync(DueDelivery item, string? secret, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, item.Url)
        {
            Content = new StringContent(item.Body, Encoding.UTF8, "application/json"),
        };
        if (!string.IsNullOrEmpty(secret))
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header,
                WebhookSignature.Sign(secret, time.GetUtcNow().ToUnixTimeSeconds(), item.Body));
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new AttemptResult(item.Sequence, (int)response.StatusCode, Refused: false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or WebhookTargetRefusedException)
        {
            var refused = e is WebhookTargetRefusedException || e.InnerException is WebhookTargetRefusedException;
            Log.AttemptFailed(logger, this.GetPrimaryKeyString(), item.Sequence, refused ? "target not allowed" : e.GetType().Name);
            return new AttemptResult(item.Sequence, null, refused);
        }
    }

    static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks of client {ClientId}: delivery {Sequence} failed ({Reason}); will retry")]
        public static partial void AttemptFailed(ILogger logger, string clientId, long sequence, string reason);
    }
}
