using System.Net.Http.Headers;
using System.Text;
using BroadcastGrains.Carrier.Smpp.Directory;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Carrier.Http;

/// <summary>
/// An <c>Http</c> connector speaking the Twilio-compatible Messages API: one form POST per message, at most
/// <see cref="TwilioOptions.MaxConcurrentRequests"/> in flight on this silo. Accepted sids go into the cluster-wide
/// message directory (keyed per connector) so a status callback, reaching any silo, finds the recipient that sent it.
/// </summary>
public sealed partial class TwilioCarrier : ICarrierLink, IAsyncDisposable
{
    readonly TwilioOptions _options;
    readonly HttpClient _http;
    readonly SemaphoreSlim _inFlight;
    readonly SmppDirectoryClient _directory;
    readonly IReceiptSink _receipts;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly Uri _messagesUri;
    readonly string _statusCallback;

    /// <summary>Opens connector <paramref name="name"/>; <paramref name="handler"/> replaces the network in tests.</summary>
    public TwilioCarrier(string name, TwilioOptions options, IGrainFactory grains, IReceiptSink receipts, TimeProvider time,
        ILogger<TwilioCarrier> logger, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _options = options;
        _receipts = receipts;
        _time = time;
        _logger = logger;
        Health = new TransportHealth(time);
        _inFlight = new SemaphoreSlim(options.MaxConcurrentRequests);
        _directory = new SmppDirectoryClient(grains, name + "|");
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.MaxConcurrentRequests,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds),
        };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.AccountSid}:{options.AuthToken}"));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
        _messagesUri = new Uri($"{options.BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(options.AccountSid!)}/Messages.json");
        _statusCallback = options.StatusCallbackUrl(name);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The settings it was opened with (the callbacks' AuthToken and public address).</summary>
    public TwilioOptions Options => _options;

    /// <summary>Up unless its recent requests all failed at the transport level.</summary>
    public TransportHealth Health { get; }

    /// <inheritdoc />
    public async ValueTask SubmitAsync(SubmitBatch batch, Memory<SubmitResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfLessThan(results.Length, batch.Count, nameof(results));
        var messages = new Task<SubmitResult>[batch.Count];
        var registrar = new SidRegistrar(this, batch);
        for (var i = 0; i < batch.Count; i++)
        {
            messages[i] = SubmitAndRegisterAsync(batch, i, registrar, cancellationToken);
        }
        var outcomes = await Task.WhenAll(messages);
        outcomes.CopyTo(results.Span);
        await registrar.FlushAsync();
    }

    async Task<SubmitResult> SubmitAndRegisterAsync(SubmitBatch batch, int i, SidRegistrar registrar, CancellationToken cancellationToken)
    {
        var result = await SubmitOneAsync(batch, i, cancellationToken);
        if (result is { Status: SubmitStatus.Accepted, CarrierMessageId: { } sid })
        {
            registrar.Add(i, sid);
        }
        return result;
    }

    async Task<SubmitResult> SubmitOneAsync(SubmitBatch batch, int i, CancellationToken cancellationToken)
    {
        try
        {
            await _inFlight.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return new SubmitResult(SubmitStatus.RetryLater, null, "cancelled");
        }
        try
        {
            if (!Health.MayTry())
            {
                return new SubmitResult(SubmitStatus.RetryLater, null, "connector down");
            }
            using var content = new WrittenFlagContent(Fields(batch, i));
            try
            {
                // Not the partition's token: once written, a cancelled request would leave the message's fate unknown.
                using var response = await _http.PostAsync(_messagesUri, content, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                Health.Answered();
                return TwilioAnswers.Of(response.StatusCode, body);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Health.TransportFailed();
                LogTransportFailure(Name, content.Written, e.Message);
                return content.Written ? TwilioAnswers.UnconfirmedResult : new SubmitResult(SubmitStatus.RetryLater, null, "not sent");
            }
        }
        finally
        {
            _inFlight.Release();
        }
    }

    List<KeyValuePair<string, string>> Fields(SubmitBatch batch, int i)
    {
        var fields = new List<KeyValuePair<string, string>>(6)
        {
            new("To", "+" + batch.Numbers[i].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("From", batch.From),
            new("Body", batch.Bodies[i]),
            new("StatusCallback", _statusCallback),
        };
        foreach (var media in batch.MediaUrls ?? [])
        {
            fields.Add(new("MediaUrl", media));
        }
        return fields;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        _inFlight.Dispose();
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 171, Level = LogLevel.Warning,
        Message = "HTTP connector {Name}: request failed at the transport level (body written: {Written}): {Error}")]
    partial void LogTransportFailure(string name, bool written, string error);

    [LoggerMessage(EventId = 172, Level = LogLevel.Error,
        Message = "HTTP connector {Name}: {Count} sids of partition {PartitionKey} could not be registered; their callbacks will not match")]
    partial void LogRegisterFailed(Exception e, string name, int count, string partitionKey);
}
