using System.ComponentModel.DataAnnotations;

namespace BroadcastGrains.Carrier.Simulator;

/// <summary>
/// Settings of the simulator carrier (configuration section <c>Broadcast:Simulator</c>). The outcome mix takes the failed,
/// expired and never-receipted shares as given and delivers the rest, so setting <see cref="FailedPercent"/> alone is
/// enough to make a mix.
/// </summary>
public sealed class SimulatorOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Broadcast:Simulator";

    /// <summary>Throughput cap of this silo's simulator, in messages per second; 0 means uncapped.</summary>
    [Range(0, int.MaxValue)]
    public int MessagesPerSecond { get; set; }

    /// <summary>
    /// The delivered share. Informational: delivered is whatever the other three shares leave, so the default of 100
    /// never conflicts with a configured failure share.
    /// </summary>
    [Range(0, 100)]
    public int DeliveredPercent { get; set; } = 100;

    /// <summary>Share of accepted messages whose receipt says failed.</summary>
    [Range(0, 100)]
    public int FailedPercent { get; set; }

    /// <summary>Share of accepted messages whose receipt says expired.</summary>
    [Range(0, 100)]
    public int ExpiredPercent { get; set; }

    /// <summary>Share of accepted messages that never get a receipt (they end in the receipt window's timeout).</summary>
    [Range(0, 100)]
    public int NoReceiptPercent { get; set; }

    /// <summary>Delay from accepting a batch to delivering its receipts, in milliseconds.</summary>
    [Range(0, 86_400_000)]
    public int ReceiptDelayMs { get; set; } = 200;

    /// <summary>Seed of the outcome draw: the same seed gives every (partition, recipient) the same outcome.</summary>
    public long Seed { get; set; } = 1;

    /// <summary>
    /// Records every (partition, index) submitted so tests and benchmarks can prove nothing was sent twice. Costs memory
    /// that grows with every message, so it is off outside tests.
    /// </summary>
    public bool TrackSubmissions { get; set; }

    /// <summary>
    /// A file to which every message taken is appended as <c>{partitionKey} {index}</c>, so tests can prove that silos
    /// which crash and resume never submit a message twice between them. Empty (off) outside tests.
    /// </summary>
    public string? SubmissionLogPath { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FailedPercent + ExpiredPercent + NoReceiptPercent > 100)
        {
            yield return new ValidationResult(
                "FailedPercent + ExpiredPercent + NoReceiptPercent must not exceed 100.",
                [nameof(FailedPercent), nameof(ExpiredPercent), nameof(NoReceiptPercent)]);
        }
    }
}
