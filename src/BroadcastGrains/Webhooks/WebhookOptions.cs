using System.ComponentModel.DataAnnotations;

namespace BroadcastGrains.Webhooks;

/// <summary>The <c>Broadcast:Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Broadcast:Webhooks";

    /// <summary>Allow targets on loopback and private addresses; unset means: only with <c>Memory</c> storage.</summary>
    public bool? AllowPrivateTargets { get; set; }

    /// <summary>The first retry comes this long after a failed attempt (API.md: within 30 s); later ones double.</summary>
    [Range(1, 30)]
    public int FirstRetrySeconds { get; set; } = 15;

    /// <summary>The longest wait between attempts.</summary>
    [Range(1, 24 * 3600)]
    public int MaxBackoffSeconds { get; set; } = 3600;

    /// <summary>An event not accepted this long after it was raised is given up (failed).</summary>
    [Range(1, 7 * 24)]
    public int GiveUpAfterHours { get; set; } = 24;

    /// <summary>How long one POST may take before it counts as failed.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>POSTs in flight per client.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Undelivered events kept per client; past it new <c>message.*</c> events are dropped (counted in the log).</summary>
    [Range(100, 1_000_000)]
    public int MaxPending { get; set; } = 10_000;

    /// <summary>Delivered and failed deliveries stay listed this long (and at most <see cref="MaxFinished"/> of them).</summary>
    [Range(1, 30 * 24)]
    public int KeepFinishedHours { get; set; } = 24;

    /// <summary>The most finished deliveries kept per client.</summary>
    [Range(10, 100_000)]
    public int MaxFinished { get; set; } = 500;
}
