using System.ComponentModel.DataAnnotations;

namespace BroadcastGrains.Hosting;

/// <summary>The <c>Broadcast</c> configuration section (API.md "Running and configuration").</summary>
public sealed class BroadcastOptions
{
    /// <summary>The section's name.</summary>
    public const string Section = "Broadcast";

    /// <summary>Operator key for <c>/v1/admin</c>; a random one is made and printed at start-up when empty.</summary>
    public string? AdminKey { get; set; }

    /// <summary><c>Memory</c> or <c>Postgres</c>.</summary>
    public StorageKind Storage { get; set; } = StorageKind.Memory;

    /// <summary><c>Simulator</c> or <c>Smpp</c>.</summary>
    public CarrierKind Carrier { get; set; } = CarrierKind.Simulator;

    /// <summary>Shared secret of <c>/v1/carrier/*</c>; random when empty.</summary>
    public string? CarrierSecret { get; set; }

    /// <summary>A sent message without a receipt after this long becomes <c>timeout</c>.</summary>
    [Range(1, 7 * 24 * 60)]
    public int ReceiptWindowMinutes { get; set; } = 60;

    /// <summary>Recipients per partition grain: small enough to spread over cores and silos, large enough to batch well.</summary>
    [Range(100, 1_000_000)]
    public int PartitionSize { get; set; } = 20_000;

    /// <summary>
    /// Creates, prechecks and contact uploads one client may have in flight on a silo at once (each may carry a
    /// 256 MB body); more answer 429 <c>RATE_LIMITED</c>.
    /// </summary>
    [Range(1, 1_000)]
    public int MaxUploadsInFlightPerClient { get; set; } = 8;

    /// <summary>Messages per carrier submit call.</summary>
    [Range(1, 10_000)]
    public int SubmitBatchSize { get; set; } = 500;
}

/// <summary>Where grain state, clustering and reminders live.</summary>
public enum StorageKind
{
    /// <summary>In memory, one silo; nothing survives a restart.</summary>
    Memory,
    /// <summary>PostgreSQL through Orleans' ADO.NET providers.</summary>
    Postgres,
}

/// <summary>Which carrier link the silo uses.</summary>
public enum CarrierKind
{
    /// <summary>The in-process simulator.</summary>
    Simulator,
    /// <summary>An SMSC over SMPP 3.4.</summary>
    Smpp,
}
