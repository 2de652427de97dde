using System.Threading.Channels;
using BroadcastGrains.Carrier.Smpp.Directory;
using BroadcastGrains.Carrier.Smpp.Protocol;
using Microsoft.Extensions.Logging;

namespace BroadcastGrains.Carrier.Smpp.Receipts;

/// <summary>
/// Turns receipts from every bind into partition receipt batches: looks their SMSC ids up in the directory in batches,
/// tallies the parts of long messages, delivers one batch per partition and answers each deliver_sm only after that,
/// so a receipt the cluster could not take is sent again by the SMSC. A receipt whose id is not known yet is kept and
/// looked up again for <see cref="SmppOptions.ReceiptGraceMs"/>; after that it is matched against unconfirmed submits by
/// recipient and sender, and otherwise refused with a temporary error for a while (<see cref="UnknownReceipts"/>: its
/// registration may come back, from a partition that resumed after its silo died) so that the SMSC sends it again, and
/// in the end dropped (its recipient ends in the receipt window's timeout).
/// </summary>
internal sealed partial class SmppReceiptPipeline : IAsyncDisposable
{
    const int MaxBatch = 2_000;
    static readonly TimeSpan LookAgainEvery = TimeSpan.FromMilliseconds(250);
    static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(1);

    readonly Channel<PendingReceipt> _incoming = Channel.CreateUnbounded<PendingReceipt>();
    readonly List<PendingReceipt> _parked = [];
    readonly SmppDirectoryClient _directory;
    readonly IReceiptSink _sink;
    readonly TimeSpan _grace;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly CancellationTokenSource _stopping = new();
    readonly UnknownReceipts _unknown;
    Task? _loop;
    long _routed;
    long _unmatched;
    long _refused;

    public SmppReceiptPipeline(SmppDirectoryClient directory, IReceiptSink sink, TimeSpan grace, TimeProvider time, ILogger logger)
    {
        _directory = directory;
        _sink = sink;
        _grace = grace;
        _time = time;
        _logger = logger;
        _unknown = new UnknownReceipts(RefuseUnknownFor);
    }

    /// <summary>How long a receipt no registration matches is refused (and so sent again by the SMSC) before it is dropped.</summary>
    public static readonly TimeSpan RefuseUnknownFor = TimeSpan.FromMinutes(10);

    /// <summary>deliver_sm refused because their id matched nothing yet (each resend counts).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Receipts delivered to partitions (a long message's counts once).</summary>
    public long Routed => Interlocked.Read(ref _routed);

    /// <summary>Receipts dropped because no submit of ours matched them.</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    public void Start() => _loop ??= Task.Run(RunAsync);

    /// <summary>Queues a final receipt from the SMSC; <paramref name="ack"/> answers its deliver_sm.</summary>
    public void Accept(DeliveryReceipt receipt, ReceiptOutcome outcome, string addressKey, Action<uint> ack)
    {
        var pending = new PendingReceipt
        {
            MessageId = receipt.MessageId, AddressKey = addressKey, Outcome = outcome, Error = receipt.Error,
            Ack = ack, FirstSeen = _time.GetUtcNow(),
        };
        if (!_incoming.Writer.TryWrite(pending))
        {
            ack(SmppStatus.TemporaryAppError);
        }
    }

    /// <summary>Queues an outcome the carrier decided itself (a part of a long message it could not send).</summary>
    public void Decided(string partitionKey, int index, ReceiptOutcome outcome, string error) =>
        _incoming.Writer.TryWrite(new PendingReceipt
        {
            MessageId = "", AddressKey = "", Outcome = outcome, Error = error, FirstSeen = _time.GetUtcNow(),
            Entry = new DirectoryEntry(partitionKey, index, null, 1, 1),
        });

    async Task RunAsync()
    {
        var reader = _incoming.Reader;
        var batch = new List<PendingReceipt>();
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!reader.TryPeek(out _))
                {
                    var arrived = reader.WaitToReadAsync(stopping).AsTask();
                    await (_parked.Count > 0 ? (Task)Task.WhenAny(arrived, Task.Delay(LookAgainEvery, _time, stopping)) : arrived);
                    if (arrived.IsCompletedSuccessfully && !arrived.Result && _parked.Count == 0)
                    {
                        return; // completed: the carrier is stopping and nothing is left to look up
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var receipt))
            {
                batch.Add(receipt);
            }
            var now = _time.GetUtcNow();
            for (var i = _parked.Count - 1; i >= 0 && batch.Count < MaxBatch; i--)
            {
                if (_parked[i].NextTry <= now)
                {
                    batch.Add(_parked[i]);
                    _parked.RemoveAt(i);
                }
            }
            if (batch.Count > 0)
            {
                await ProcessAsync(batch, now);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _incoming.Writer.TryComplete();
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
        _stopping.Dispose();
    }
}
