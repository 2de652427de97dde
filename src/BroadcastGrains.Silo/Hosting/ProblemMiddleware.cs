using BroadcastGrains.Broadcasts;
using BroadcastGrains.Silo.Api;
using BroadcastGrains.Silo.Faults;

namespace BroadcastGrains.Silo.Hosting;

/// <summary>Turns exceptions into problems: refusals thrown from binding, oversized or unreadable bodies, an unreachable database (503), and bugs (500).</summary>
internal sealed partial class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> logger)
{
    /// <summary>A restarting PostgreSQL is back in seconds; a client that waits this long rarely meets it twice.</summary>
    const string StorageRetryAfterSeconds = "5";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ApiProblemException e) when (!context.Response.HasStarted)
        {
            await ApiProblems.Result(e.Error).ExecuteAsync(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted && OutOfRangeField(e) is { } field)
        {
            await ApiProblems.Validation(field, $"{field} is not a value this field can hold").ExecuteAsync(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var code = e.StatusCode is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType
                ? ApiProblems.CodeForStatus(e.StatusCode)
                : ErrorCodes.InvalidJson;
            await ApiProblems.Write(context, code, code == ErrorCodes.PayloadTooLarge
                ? "the request body is larger than this endpoint takes"
                : "the request body could not be read");
        }
        catch (Exception e) when (!context.Response.HasStarted && StorageOutage.IsCause(e))
        {
            // Nothing durable changed: the client retries once the database is back (API.md, 503).
            Log.StorageUnavailable(logger, context.Request.Method, WithoutNumbers(context.Request.Path), e.GetType().Name, e.Message);
            context.Response.Headers.RetryAfter = StorageRetryAfterSeconds;
            await ApiProblems.Write(context, ApiProblems.StorageUnavailable,
                "the database is unreachable; nothing was changed, retry after the Retry-After header");
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            Log.Unhandled(logger, context.Request.Method, WithoutNumbers(context.Request.Path), e);
            await ApiProblems.Write(context, ApiProblems.Internal, "the server failed to answer; the request may be retried");
        }
    }

    /// <summary>
    /// The field of a well-formed body whose value does not fit its type (<c>"amount": 1e30</c>): System.Text.Json reports
    /// that as a <see cref="FormatException"/> under its <see cref="System.Text.Json.JsonException"/>, while broken JSON
    /// and a value of the wrong kind (a string for a number) come without one and stay <c>INVALID_JSON</c>.
    /// </summary>
    static string? OutOfRangeField(BadHttpRequestException e) =>
        e.InnerException is System.Text.Json.JsonException { InnerException: FormatException, Path: { Length: > 2 } path }
            ? path[2..]
            : null;

    /// <summary>A path may carry a phone number (<c>/v1/opt-outs/{phone}</c>); logs never do.</summary>
    static string WithoutNumbers(PathString path) =>
        System.Text.RegularExpressions.Regex.Replace(path.Value ?? "", @"(%2B|\+)?\d{6,}", "{number}");

    static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error answering {Method} {Path}")]
        public static partial void Unhandled(ILogger logger, string method, string path, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable answering {Method} {Path}: {Type}: {Reason}")]
        public static partial void StorageUnavailable(ILogger logger, string method, string path, string type, string reason);
    }
}
