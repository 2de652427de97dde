using BroadcastGrains.Broadcasts;
using BroadcastGrains.Partitions.Journal;

namespace BroadcastGrains.Partitions;

/// <summary>
/// A partition's slice in columns: one byte of status, one of segments, one of error and a short country index per
/// recipient, plus the numbers themselves in the slice. Money owed to or by the wallet is kept as amounts with the
/// sequence number of the next operation, so a retried capture or refund carries the same operation id.
/// </summary>
[GenerateSerializer, Alias("partition-state")]
public sealed class PartitionState
{
    [Id(0)] public PartitionSlice? Slice { get; set; }
    [Id(1)] public byte[] Statuses { get; set; } = [];
    [Id(2)] public byte[] Segments { get; set; } = [];
    [Id(3)] public byte[] Errors { get; set; } = [];
    [Id(4)] public short[] Countries { get; set; } = [];
    [Id(5)] public string[] CountryCodes { get; set; } = [];
    [Id(6)] public decimal[] CountryPrices { get; set; } = [];
    [Id(7)] public int[] UpdatedAt { get; set; } = [];
    [Id(8)] public DateTimeOffset CreatedAt { get; set; }
    [Id(9)] public PartitionPhase Phase { get; set; }
    [Id(10)] public int Cursor { get; set; }
    [Id(11)] public long[] Counts { get; set; } = new long[RecipientStatuses.Count];
    [Id(12)] public decimal Captured { get; set; }
    [Id(13)] public decimal Refunded { get; set; }
    [Id(14)] public decimal Uncaptured { get; set; }
    [Id(15)] public long CaptureSequence { get; set; }
    [Id(16)] public decimal Unrefunded { get; set; }
    [Id(17)] public long RefundSequence { get; set; }
    [Id(18)] public long Version { get; set; }
    [Id(19)] public decimal InflightCapture { get; set; }
    [Id(20)] public decimal InflightRefund { get; set; }
    [Id(21)] public Dictionary<int, string>? CarrierIds { get; set; }
    [Id(22)] public DateTimeOffset? StartedAt { get; set; }

    /// <summary>The last journal entry this snapshot holds; replay starts after it.</summary>
    [Id(23)] public long JournalSeq { get; set; }

    /// <summary>True when <see cref="Slice"/> is a header and the recipients are in the row store.</summary>
    [Id(24)] public bool RecipientsStored { get; set; }

    /// <summary>Per recipient, 1 + the index in <see cref="RouteCodes"/> of the route it took, 0 for none (see <see cref="RouteColumns"/>).</summary>
    [Id(25)] public byte[]? RouteOf { get; set; }
    [Id(26)] public List<string>? RouteCodes { get; set; }

    /// <summary>Per recipient, 1 + the index in <see cref="ConnectorNames"/> of the connector that accepted it, 0 for none.</summary>
    [Id(27)] public byte[]? ConnectorOf { get; set; }
    [Id(28)] public List<string>? ConnectorNames { get; set; }

    /// <summary>The retry run this slice now sends for (0: the run of its key); see RecipientPartitionGrain.Retry.</summary>
    [Id(78)] public int ActiveRun { get; set; }

    /// <summary>Per recipient, its submissions in runs before the current one; null until the slice is first retried.</summary>
    [Id(79)] public byte[]? PriorAttempts { get; set; }

    /// <summary>The counts of the recipients outside the current retry run, which it never changes.</summary>
    [Id(80)] public long[]? RunBase { get; set; }

    /// <summary>Captured and refunded before the current retry run: the run reports only what moved since.</summary>
    [Id(81)] public decimal CapturedBefore { get; set; }
    [Id(82)] public decimal RefundedBefore { get; set; }

    /// <summary>Positions changed since the last journal entry; not stored, and null where nothing is journaled.</summary>
    [NonSerialized] internal List<int>? Changed;

    /// <summary>What recipient <paramref name="index"/> costs (0 for one that is never sent).</summary>
    public decimal CostOf(int index)
    {
        var country = Countries[index];
        if (country < 0)
        {
            return 0;
        }
        return Slice!.Message.IsMms ? CountryPrices[country] : CountryPrices[country] * Segments[index];
    }

    /// <summary>
    /// True when the carrier accepted recipient <paramref name="index"/>'s message, so it was charged (and has a carrier
    /// id): sent, and every status a sent message ends in, but not an expiry of one never sent.
    /// </summary>
    public bool WasCharged(int index) => (RecipientStatus)Statuses[index] switch
    {
        RecipientStatus.Sent or RecipientStatus.Delivered or RecipientStatus.Failed or RecipientStatus.Timeout => true,
        RecipientStatus.Expired => (RecipientError)Errors[index] != RecipientError.ExpiredUnsent,
        _ => false,
    };

    /// <summary>Moves a recipient to a status, keeping the counts right.</summary>
    public void SetStatus(int index, RecipientStatus status, int secondsSinceCreated)
    {
        Counts[Statuses[index]]--;
        Counts[(byte)status]++;
        Statuses[index] = (byte)status;
        UpdatedAt[index] = secondsSinceCreated;
        Version++;
        Changed?.Add(index);
    }

    /// <summary>The money columns, as a journal entry records them.</summary>
    public PartitionMoney Money() =>
        new(Captured, Uncaptured, InflightCapture, CaptureSequence, Refunded, Unrefunded, InflightRefund, RefundSequence);

    /// <summary>Puts back the money columns a journal entry recorded.</summary>
    public void Restore(PartitionMoney money)
    {
        (Captured, Uncaptured, InflightCapture, CaptureSequence) =
            (money.Captured, money.Uncaptured, money.InflightCapture, money.CaptureSequence);
        (Refunded, Unrefunded, InflightRefund, RefundSequence) =
            (money.Refunded, money.Unrefunded, money.InflightRefund, money.RefundSequence);
    }

    /// <summary>Counts every status again from the status column (after columns were overwritten by a replay).</summary>
    public void Recount()
    {
        Counts = new long[RecipientStatuses.Count];
        foreach (var status in Statuses)
        {
            Counts[status]++;
        }
    }

    /// <summary>True when nothing is owed to or by the wallet.</summary>
    public bool MoneySettled => Uncaptured == 0 && InflightCapture == 0 && Unrefunded == 0 && InflightRefund == 0;

    /// <summary>True when every recipient has a final status.</summary>
    public bool AllFinal =>
        Counts[(int)RecipientStatus.Pending] == 0 && Counts[(int)RecipientStatus.Queued] == 0 && Counts[(int)RecipientStatus.Sent] == 0;
}
