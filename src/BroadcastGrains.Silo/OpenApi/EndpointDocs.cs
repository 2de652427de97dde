using static BroadcastGrains.Broadcasts.ErrorCodes;

namespace BroadcastGrains.Silo.OpenApi;

/// <summary>
/// API.md, endpoint by endpoint, keyed <c>METHOD /path</c> with route parameters as <c>{}</c>. Endpoints are matched by
/// route, so an endpoint gets its documentation here the moment it is mapped, whoever maps it.
/// </summary>
internal static partial class EndpointDocs
{
    static readonly string[] CreateCodes =
    [
        InvalidJson, ValidationFailed, TooManyRecipients, DuplicateRecipients, NoRecipients, BodyTooLong, MissingVariable, TooManyVariables,
        InvalidRrule, InvalidTimezone, ScheduleOutOfRange, InsufficientCredits, TemplateNotFound, ListNotFound,
        IdempotencyKeyReused, PayloadTooLarge, SenderNotApproved, TemplateNotApproved, RouteNotFound, DailyQuotaExceeded,
    ];

    static readonly string[] PrecheckCodes =
    [
        InvalidJson, ValidationFailed, TooManyRecipients, NoRecipients, BodyTooLong, MissingVariable, TooManyVariables, InvalidRrule,
        InvalidTimezone, ScheduleOutOfRange, TemplateNotFound, ListNotFound, PayloadTooLarge, SenderNotApproved, TemplateNotApproved,
        RouteNotFound,
    ];

    static readonly Dictionary<string, EndpointDoc> Docs = new(StringComparer.Ordinal)
    {
        ["POST /v1/broadcasts"] = new("Create a broadcast",
            "Validates, prices and stores a broadcast to up to 2,000,000 recipients, holding the estimate when it is due. " +
            "Invalid numbers become `invalid` recipients, numbers without a route `blocked`, opted-out ones `opted_out`; none is charged. " +
            "An `Idempotency-Key` header makes retries safe. Answers 201 with the broadcast object (200 for `dryRun`).", CreateCodes)
        {
            RequestBody = typeof(Schemas.CreateBroadcastBody),
            RequestExample = Examples.CreateBroadcastRequest,
        },
        ["POST /v1/broadcasts/precheck"] = new("Price a broadcast without creating it",
            "Same body as create; duplicates are counted, never rejected. Nothing is stored or held.", PrecheckCodes)
        {
            RequestBody = typeof(Schemas.CreateBroadcastBody),
            RequestExample = Examples.CreateBroadcastRequest,
        },
        ["GET /v1/broadcasts"] = new("List broadcasts", "Newest first, optionally of one `status`; paged by `cursor`.", ValidationFailed),
        ["GET /v1/broadcasts/{}"] = new("Read a broadcast", "The broadcast object with its live `drSummary`.", NotFound),
        ["PATCH /v1/broadcasts/{}"] = new("Change a broadcast",
            "Name, body, sender and schedule fields, only while `draft`, `scheduled` or `pending_approval`.",
            ValidationFailed, BodyTooLong, MissingVariable, InvalidRrule, InvalidTimezone, ScheduleOutOfRange, InvalidState, NotFound,
            SenderNotApproved, TemplateNotApproved),
        ["POST /v1/broadcasts/{}/approve"] = new("Approve a broadcast",
            "`pending_approval` → its next state; needs an approver key. Holds the credits when the broadcast becomes due.",
            NotApprover, InvalidState, InsufficientCredits, NotFound),
        ["POST /v1/broadcasts/{}/send-now"] = new("Send a draft or scheduled broadcast now", "`draft`/`scheduled` → `sending`.",
            InvalidState, NotScheduled, InsufficientCredits, NotFound),
        ["POST /v1/broadcasts/{}/cancel"] = new("Cancel a broadcast",
            "Unsent recipients become `cancelled` and their credits are released.", AlreadyCancelled, AlreadyProcessing, InvalidState, NotFound),
        ["POST /v1/broadcasts/{}/pause"] = new("Pause sending", "Only a `sending` broadcast pauses.", InvalidState, NotFound),
        ["POST /v1/broadcasts/{}/resume"] = new("Resume sending", "Only a `paused` broadcast resumes.", InvalidState, NotFound),
        ["GET /v1/broadcasts/{}/recipients"] = new("List recipients",
            "Per-recipient status, segments, credits and carrier message id, optionally of one `status`; `limit` ≤ 1000.",
            ValidationFailed, NotFound),
        ["GET /v1/broadcasts/{}/runs"] = new("List runs", "One item per run of a scheduled, recurring or drip broadcast.", NotFound),
        ["GET /v1/broadcasts/{}/events"] = new("Follow a broadcast live",
            "`text/event-stream`: `event: progress` with the broadcast object at least every second while it runs, then " +
            "`event: final` with the last one, and the stream ends. Browsers: read it with `fetch` (EventSource cannot send the key).",
            NotFound)
        {
            EventStream = true,
        },
        ["GET /v1/wallet"] = new("Read the wallet", "`balance = available + held`, in credits."),
        ["GET /v1/wallet/ledger"] = new("Read the ledger",
            "Newest first: top-ups, holds, captures, releases and refunds; `amount`s sum to the balance, `heldDelta`s to `held`.",
            ValidationFailed),
    };

    /// <summary>The documentation of <paramref name="method"/> <paramref name="path"/>, if API.md has it.</summary>
    public static EndpointDoc? Find(string method, string path)
    {
        var key = $"{method} {OpenApiPaths.Normalize(path)}";
        return Docs.GetValueOrDefault(key) ?? CatalogueDocs.GetValueOrDefault(key) ?? SelfServiceDocs.GetValueOrDefault(key);
    }
}
