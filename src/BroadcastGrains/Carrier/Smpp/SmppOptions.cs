using System.ComponentModel.DataAnnotations;

namespace BroadcastGrains.Carrier.Smpp;

/// <summary>
/// Settings of the SMPP carrier (configuration section <c>Broadcast:Smpp</c>, used when <c>Broadcast:Carrier</c> is
/// <c>Smpp</c>). Lengths follow SMPP 3.4's field sizes, so a value the SMSC would refuse fails at start-up instead.
/// </summary>
public sealed class SmppOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Broadcast:Smpp";

    /// <summary>The SMSC's host name or address.</summary>
    public string? Host { get; set; }

    /// <summary>The SMSC's port.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 2775;

    /// <summary>system_id of the bind (at most 15 characters).</summary>
    [StringLength(15)]
    public string SystemId { get; set; } = "";

    /// <summary>password of the bind (at most 8 characters).</summary>
    [StringLength(8)]
    public string Password { get; set; } = "";

    /// <summary>system_type of the bind (at most 12 characters), often empty.</summary>
    [StringLength(12)]
    public string SystemType { get; set; } = "";

    /// <summary>Parallel transceiver binds this silo keeps open.</summary>
    [Range(1, 64)]
    public int Binds { get; set; } = 1;

    /// <summary>submit_sm PDUs in flight per bind, waiting for their submit_sm_resp.</summary>
    [Range(1, 10_000)]
    public int WindowSize { get; set; } = 50;

    /// <summary>The carrier's submit_sm rate limit for the whole cluster (the silos share it); 0 means none.</summary>
    [Range(0, 1_000_000)]
    public int MaxSubmitsPerSecond { get; set; }

    /// <summary>
    /// Pack GSM-7 septets eight to seven octets in short_message. Most SMSCs expect one septet per octet (false) and
    /// pack for the air interface themselves.
    /// </summary>
    public bool GsmPacked { get; set; }

    /// <summary>How long a request waits for its response before the link stops waiting.</summary>
    [Range(100, 600_000)]
    public int ResponseTimeoutMs { get; set; } = 10_000;

    /// <summary>Seconds between enquire_link probes on an idle bind.</summary>
    [Range(1, 3_600)]
    public int EnquireLinkSeconds { get; set; } = 30;

    /// <summary>First wait before reconnecting a dropped bind; it doubles on each failure up to <see cref="ReconnectMaxMs"/>.</summary>
    [Range(10, 600_000)]
    public int ReconnectMinMs { get; set; } = 250;

    /// <summary>Longest wait between reconnect attempts (also the wait after a rejected bind).</summary>
    [Range(10, 3_600_000)]
    public int ReconnectMaxMs { get; set; } = 30_000;

    /// <summary>First pause after ESME_RTHROTTLED or ESME_RMSGQFUL; it doubles while the SMSC keeps refusing, up to 5 s.</summary>
    [Range(1, 60_000)]
    public int ThrottleBackoffMs { get; set; } = 100;

    /// <summary>
    /// How long a receipt whose message id is not (yet) known is kept and looked up again: its submit_sm_resp may still
    /// be on its way to the directory.
    /// </summary>
    [Range(0, 600_000)]
    public int ReceiptGraceMs { get; set; } = 5_000;
}
