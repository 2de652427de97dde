using System.Globalization;
using BroadcastGrains.Limits;
using BroadcastGrains.Silo.Api;
using BroadcastGrains.Silo.Auth;

namespace BroadcastGrains.Silo.Limits;

/// <summary>
/// Every request a client key makes (for itself, or an agency key for a client) takes a token from that client's
/// cluster-wide bucket (<see cref="IRateLimitGrain"/>); an empty bucket answers 429 <c>RATE_LIMITED</c> with
/// <c>Retry-After</c>. A 429 from the daily quota gets <c>Retry-After</c> until the next UTC day.
/// </summary>
internal sealed class ClientRateLimitMiddleware(RequestDelegate next, IGrainFactory grains, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status429TooManyRequests && !context.Response.Headers.ContainsKey("Retry-After"))
            {
                var now = time.GetUtcNow();
                var nextDay = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
                context.Response.Headers.RetryAfter = Seconds(nextDay - now);
            }
            return Task.CompletedTask;
        });
        if (!IsClientRequest(context))
        {
            await next(context);
            return;
        }
        ClientContext client;
        try
        {
            client = await ClientContext.ResolveAsync(context);
        }
        catch (ApiProblemException)
        {
            // The endpoint's own binding reports it (CLIENT_NOT_ALLOWED, a missing X-Client-Id).
            await next(context);
            return;
        }
        var decision = await grains.GetGrain<IRateLimitGrain>(client.ClientId).TryAcquireAsync();
        if (!decision.Allowed)
        {
            context.Response.Headers.RetryAfter = Seconds(decision.RetryAfter);
            await ApiProblems.Write(context, Broadcasts.ErrorCodes.RateLimited, "too many requests for this client; see Retry-After");
            return;
        }
        await next(context);
    }

    static bool IsClientRequest(HttpContext context) =>
        context.User.HasClaim(c => c.Type == ApiKeyClaims.OwnerId)
        && context.User.HasClaim(c => c.Type == ApiKeyClaims.Scope)
        && context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal)
        && !context.Request.Path.StartsWithSegments("/v1/admin", StringComparison.Ordinal)
        && !context.Request.Path.StartsWithSegments("/v1/carrier", StringComparison.Ordinal);

    static string Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
