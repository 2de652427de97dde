using BroadcastGrains.Carrier.Smpp.Directory;
using BroadcastGrains.Carrier.Smpp.Link;
using BroadcastGrains.Carrier.Smpp.Receipts;
using BroadcastGrains.Carrier.Smpp.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Carrier.Smpp;

/// <summary>
/// The carrier link to an SMSC over SMPP 3.4: <see cref="SmppOptions.Binds"/> transceiver binds per silo, each with a
/// window of <see cref="SmppOptions.WindowSize"/> submits in flight, under the connector's cluster-wide rate (held by the connector, before a batch reaches this link). Accepted
/// messages are registered by their SMSC ids in a sharded directory so that receipts arriving on any bind of any silo
/// find their partition. One instance per silo, shared by every partition grain; thread-safe.
/// </summary>
public sealed partial class SmppCarrier : ICarrierLink, IAsyncDisposable
{
    readonly string _name;
    readonly SmppOptions _options;
    readonly SmppDirectoryClient _directory;
    readonly SmppReceiptPipeline _receipts;
    readonly SmppDeliveries _deliveries;
    readonly SmppBindPool _pool;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly Lock _starting = new();
    bool _started;
    int _disposed;
    int _reference;
    long _submits;
    long _unconfirmed;

    public SmppCarrier(IOptions<SmppOptions> options, IGrainFactory grains, IReceiptSink sink, IServiceProvider services,
        TimeProvider time, ILoggerFactory loggers)
        : this(DefaultName, options?.Value!, (services ?? throw new ArgumentNullException(nameof(services))).GetService<SmppHealth>()
            ?? new SmppHealth(), grains, sink, services.GetService<IInboundMessageSink>(), time, loggers)
    {
    }

    /// <summary>
    /// A link named <paramref name="name"/> (a connector of <c>Broadcast:Connectors</c>): its own binds, window, health,
    /// share of its own cluster-wide rate, and directory keys of its own, since two SMSCs may give the same message ids.
    /// </summary>
    public SmppCarrier(string name, SmppOptions options, SmppHealth health, IGrainFactory grains, IReceiptSink sink,
        IInboundMessageSink? inbound, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(loggers);
        _name = name;
        _options = options;
        _time = time;
        _logger = loggers.CreateLogger<SmppCarrier>();
        Health = health;
        _directory = new SmppDirectoryClient(grains, name == DefaultName ? "" : name + "|");
        _receipts = new SmppReceiptPipeline(_directory, sink, TimeSpan.FromMilliseconds(_options.ReceiptGraceMs), time,
            loggers.CreateLogger<SmppReceiptPipeline>());
        _deliveries = new SmppDeliveries(_receipts, inbound, _options.GsmPacked, time, loggers.CreateLogger<SmppDeliveries>());
        var bindLogger = loggers.CreateLogger<SmppBind>();
        var binds = Enumerable.Range(1, _options.Binds)
            .Select(n => new SmppBind(n, _options, Health, _deliveries.OnDeliver, time, bindLogger)).ToList();
        _pool = new SmppBindPool(binds, time);
    }

    /// <summary>The name of the one SMPP connector that <c>Broadcast:Carrier=Smpp</c> configures.</summary>
    public const string DefaultName = "smpp";

    /// <summary>Binds this link keeps open on this silo.</summary>
    public int Binds => _options.Binds;

    /// <inheritdoc />
    public string Name => _name;

    /// <summary>The binds' state, as the readiness check reads it.</summary>
    public SmppHealth Health { get; }

    /// <summary>submit_sm PDUs the SMSC accepted (one per part).</summary>
    public long Submits => Interlocked.Read(ref _submits);

    /// <summary>Messages whose submit_sm_resp never came: recorded for reconciliation, never submitted again.</summary>
    public long Unconfirmed => Interlocked.Read(ref _unconfirmed);

    /// <summary>Receipts routed to partitions (a long message counts once).</summary>
    public long ReceiptsRouted => _receipts.Routed;

    /// <summary>Receipts that matched no message of ours.</summary>
    public long ReceiptsUnmatched => _receipts.Unmatched;

    /// <summary>Inbound messages handed to the <see cref="IInboundMessageSink"/>.</summary>
    public long InboundAccepted => _deliveries.InboundAccepted;

    /// <summary>Opens the binds; called by the silo at start, and by the first submit otherwise. Idempotent.</summary>
    public void Start()
    {
        lock (_starting)
        {
            if (_started)
            {
                return;
            }
            if (string.IsNullOrWhiteSpace(_options.Host))
            {
                throw new InvalidOperationException(_name == DefaultName
                    ? $"Broadcast:Carrier is Smpp but {SmppOptions.SectionName}:Host is not set: name the SMSC to bind to."
                    : $"Broadcast:Connectors:{_name}:Host is not set: name the SMSC to bind to.");
            }
            _started = true;
        }
        LogStarting(_options.Host, _options.Port, _options.Binds, _options.WindowSize, _options.MaxSubmitsPerSecond);
        _receipts.Start();
        _pool.Start();
    }

    /// <summary>Closes the binds (unbinding after in-flight submits are answered) and stops the receipt pipeline.</summary>
    public async ValueTask DisposeAsync()
    {
        // The silo stops it first (unbinding while the cluster still answers), then its container disposes it again.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _pool.DisposeAsync();
        await _receipts.DisposeAsync();
    }

    byte NextReference() => (byte)Interlocked.Increment(ref _reference);

    [LoggerMessage(EventId = 150, Level = LogLevel.Information,
        Message = "SMPP carrier: {Binds} bind(s) to {Host}:{Port}, window {Window}, cluster rate {Rate}/s (0 = none)")]
    partial void LogStarting(string? host, int port, int binds, int window, int rate);
}
