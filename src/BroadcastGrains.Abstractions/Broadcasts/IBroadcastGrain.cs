using Orleans.Concurrency;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// One broadcast: its lifecycle, schedule, partition plan and aggregated counts. Keyed by broadcast id (<c>bc_…</c>).
/// Every method takes the calling client's id and answers as if the broadcast did not exist for any other client.
/// </summary>
[Alias("broadcast")]
public interface IBroadcastGrain : IGrainWithStringKey
{
    /// <summary>Validates, prices, holds credits and starts (or stores) the broadcast; with <c>DryRun</c> only prices it.</summary>
    [Alias("create")]
    Task<BroadcastOutcome> CreateAsync(CreateBroadcastCommand command);

    /// <summary>Prices and checks a broadcast without creating anything (the precheck of API.md).</summary>
    [Alias("precheck")]
    Task<BroadcastOutcome> PrecheckAsync(CreateBroadcastCommand command);

    /// <summary>The broadcast, or null when it does not exist for this client.</summary>
    [Alias("get"), AlwaysInterleave]
    Task<BroadcastView?> GetAsync(string clientId);

    /// <summary>Cancels the broadcast; mid-send, unsent recipients become cancelled and their credits are released.</summary>
    [Alias("cancel")]
    Task<BroadcastOutcome> CancelAsync(string clientId);

    /// <summary>Stops sending until <see cref="ResumeAsync"/>.</summary>
    [Alias("pause")]
    Task<BroadcastOutcome> PauseAsync(string clientId);

    /// <summary>Continues a paused broadcast.</summary>
    [Alias("resume")]
    Task<BroadcastOutcome> ResumeAsync(string clientId);

    /// <summary>Moves a broadcast waiting for approval on to its schedule (holding credits when it becomes due now).</summary>
    [Alias("approve")]
    Task<BroadcastOutcome> ApproveAsync(string clientId);

    /// <summary>Starts a draft or scheduled broadcast now.</summary>
    [Alias("send-now")]
    Task<BroadcastOutcome> SendNowAsync(string clientId);

    /// <summary>Changes a broadcast that has not started (draft, scheduled, pending approval).</summary>
    [Alias("patch")]
    Task<BroadcastOutcome> PatchAsync(string clientId, BroadcastPatch patch);

    /// <summary>
    /// Starts a run of kind retry to the recipients of the latest run whose status is one of <paramref name="statuses"/>
    /// and whose error is not permanent; held and charged like any run.
    /// </summary>
    [Alias("retry")]
    Task<BroadcastOutcome> RetryAsync(string clientId, RecipientStatus[] statuses);

    /// <summary>Every run with its own counts; null when the broadcast does not exist for this client.</summary>
    [Alias("runs"), AlwaysInterleave]
    Task<IReadOnlyList<RunView>?> GetRunsAsync(string clientId);

    /// <summary>Recipients in a stable order, optionally of one status; null when the broadcast does not exist for this client.</summary>
    [Alias("recipients"), AlwaysInterleave]
    Task<RecipientPage?> GetRecipientsAsync(string clientId, RecipientStatus? status, string? cursor, int limit);
}
