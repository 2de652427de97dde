using BroadcastGrains.Broadcasts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BroadcastGrains.Silo.Api;

/// <summary>The one place that turns an error code into an RFC 9457 problem with its HTTP status.</summary>
internal static class ApiProblems
{
    public const string Internal = "INTERNAL";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";

    static readonly Dictionary<string, (int Status, string Title)> Codes = new(StringComparer.Ordinal)
    {
        [ErrorCodes.InvalidJson] = (400, "Invalid JSON"),
        [ErrorCodes.ValidationFailed] = (400, "Validation failed"),
        [ErrorCodes.TooManyRecipients] = (400, "Too many recipients"),
        [ErrorCodes.TooManyVariables] = (400, "Too many variables"),
        [ErrorCodes.DuplicateRecipients] = (400, "Duplicate recipients"),
        [ErrorCodes.NoRecipients] = (400, "No recipients"),
        [ErrorCodes.BodyTooLong] = (400, "Body too long"),
        [ErrorCodes.MissingVariable] = (400, "Missing variable"),
        [ErrorCodes.InvalidRrule] = (400, "Invalid recurrence rule"),
        [ErrorCodes.InvalidTimezone] = (400, "Invalid time zone"),
        [ErrorCodes.ScheduleOutOfRange] = (400, "Schedule out of range"),
        [ErrorCodes.Unauthenticated] = (401, "Unauthenticated"),
        [ErrorCodes.InsufficientCredits] = (402, "Insufficient credits"),
        [ErrorCodes.ScopeInsufficient] = (403, "Scope insufficient"),
        [ErrorCodes.IpNotAllowed] = (403, "IP address not allowed"),
        [ErrorCodes.ClientNotAllowed] = (403, "Client not allowed"),
        [ErrorCodes.NotApprover] = (403, "Not an approver"),
        [ErrorCodes.NotFound] = (404, "Not found"),
        [ErrorCodes.TemplateNotFound] = (404, "Template not found"),
        [ErrorCodes.ListNotFound] = (404, "Contact list not found"),
        [ErrorCodes.SmartListNotFound] = (404, "Smart list not found"),
        [MethodNotAllowed] = (405, "Method not allowed"),
        [ErrorCodes.InvalidState] = (409, "Invalid state"),
        [ErrorCodes.NotScheduled] = (409, "Not scheduled"),
        [ErrorCodes.AlreadyCancelled] = (409, "Already cancelled"),
        [ErrorCodes.AlreadyProcessing] = (409, "Already processing"),
        [ErrorCodes.NothingToRetry] = (409, "Nothing to retry"),
        [ErrorCodes.IdempotencyKeyReused] = (409, "Idempotency key reused"),
        [ErrorCodes.SenderTaken] = (409, "Sender taken"),
        [ErrorCodes.PayloadTooLarge] = (413, "Payload too large"),
        [UnsupportedMediaType] = (415, "Unsupported media type"),
        [ErrorCodes.SenderNotApproved] = (422, "Sender not approved"),
        [ErrorCodes.TemplateNotApproved] = (422, "Template not approved"),
        [ErrorCodes.RouteNotFound] = (422, "Route not found"),
        [ErrorCodes.RateLimited] = (429, "Rate limited"),
        [ErrorCodes.DailyQuotaExceeded] = (429, "Daily quota exceeded"),
        [Internal] = (500, "Internal error"),
        [StorageUnavailable] = (503, "Storage unavailable"),
    };

    public static int StatusOf(string code) => Codes.TryGetValue(code, out var known) ? known.Status : 400;

    /// <summary>The code a bare status stands for, for responses the framework produced without one.</summary>
    public static string CodeForStatus(int status) => status switch
    {
        400 => ErrorCodes.InvalidJson,
        401 => ErrorCodes.Unauthenticated,
        403 => ErrorCodes.ScopeInsufficient,
        404 => ErrorCodes.NotFound,
        405 => MethodNotAllowed,
        413 => ErrorCodes.PayloadTooLarge,
        415 => UnsupportedMediaType,
        _ => Internal,
    };

    public static ProblemDetails Details(string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var (status, title) = Codes.TryGetValue(code, out var known) ? known : (400, code);
        var problem = new ProblemDetails
        {
            Type = $"https://broadcastgrains.dev/problems/{code.ToLowerInvariant().Replace('_', '-')}",
            Title = title,
            Status = status,
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors;
        }
        return problem;
    }

    public static ProblemHttpResult Result(string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        TypedResults.Problem(Details(code, detail, errors));

    public static ProblemHttpResult Result(BroadcastError error) => Result(error.Code, error.Detail, error.Errors);

    public static ProblemHttpResult Validation(IReadOnlyDictionary<string, string[]> errors) =>
        Result(BroadcastError.Validation(errors));

    public static ProblemHttpResult Validation(string field, string message) =>
        Result(ErrorCodes.ValidationFailed, message, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Writes a problem outside an endpoint (authentication, middleware).</summary>
    public static Task Write(HttpContext context, string code, string detail) =>
        Result(code, detail).ExecuteAsync(context);
}
