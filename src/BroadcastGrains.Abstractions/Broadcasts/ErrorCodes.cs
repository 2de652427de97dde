namespace BroadcastGrains.Broadcasts;

/// <summary>The machine-readable error codes of API.md.</summary>
public static class ErrorCodes
{
#pragma warning disable CS1591 // the names are the documentation: see API.md "Errors".
    public const string InvalidJson = "INVALID_JSON";
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string TooManyRecipients = "TOO_MANY_RECIPIENTS";
    public const string DuplicateRecipients = "DUPLICATE_RECIPIENTS";
    public const string NoRecipients = "NO_RECIPIENTS";
    public const string BodyTooLong = "BODY_TOO_LONG";
    public const string MissingVariable = "MISSING_VARIABLE";
    public const string InvalidRrule = "INVALID_RRULE";
    public const string InvalidTimezone = "INVALID_TIMEZONE";
    public const string ScheduleOutOfRange = "SCHEDULE_OUT_OF_RANGE";
    public const string TooManyVariables = "TOO_MANY_VARIABLES";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string InsufficientCredits = "INSUFFICIENT_CREDITS";
    public const string ScopeInsufficient = "SCOPE_INSUFFICIENT";
    public const string IpNotAllowed = "IP_NOT_ALLOWED";
    public const string ClientNotAllowed = "CLIENT_NOT_ALLOWED";
    public const string NotApprover = "NOT_APPROVER";
    public const string NotFound = "NOT_FOUND";
    public const string TemplateNotFound = "TEMPLATE_NOT_FOUND";
    public const string ListNotFound = "LIST_NOT_FOUND";
    public const string SmartListNotFound = "SMART_LIST_NOT_FOUND";
    public const string InvalidState = "INVALID_STATE";
    public const string NotScheduled = "NOT_SCHEDULED";
    public const string AlreadyCancelled = "ALREADY_CANCELLED";
    public const string AlreadyProcessing = "ALREADY_PROCESSING";
    public const string NothingToRetry = "NOTHING_TO_RETRY";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string SenderTaken = "SENDER_TAKEN";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string SenderNotApproved = "SENDER_NOT_APPROVED";
    public const string TemplateNotApproved = "TEMPLATE_NOT_APPROVED";
    public const string RouteNotFound = "ROUTE_NOT_FOUND";
    public const string RateLimited = "RATE_LIMITED";
    public const string DailyQuotaExceeded = "DAILY_QUOTA_EXCEEDED";
#pragma warning restore CS1591
}
