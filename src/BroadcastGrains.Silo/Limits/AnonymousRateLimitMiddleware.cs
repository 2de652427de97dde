using System.Globalization;
using System.Threading.RateLimiting;
using BroadcastGrains.Silo.Api;
using BroadcastGrains.Silo.Auth;

namespace BroadcastGrains.Silo.Limits;

/// <summary>
/// Rate limits <c>/v1</c> requests that carry no valid credentials (no key, a wrong or revoked key, a wrong carrier
/// secret) per source address (<see cref="SourceAddressKey"/>): 429 <c>RATE_LIMITED</c> with <c>Retry-After</c>. It runs
/// after authentication, so requests with a valid API key or operator key, and carrier callbacks with the right secret,
/// never take a permit and are never slowed by someone else's failures from the same address.
/// </summary>
internal sealed class AnonymousRateLimitMiddleware(RequestDelegate next, CarrierSecret carrierSecret, AnonymousRequestLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!NeedsPermit(context))
        {
            await next(context);
            return;
        }
        using var lease = limiter.Acquire(SourceAddressKey.Of(context.Connection.RemoteIpAddress));
        if (!lease.IsAcquired)
        {
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limiter.TokenPeriod;
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await ApiProblems.Write(context, Broadcasts.ErrorCodes.RateLimited,
                "too many requests without valid credentials from this address; see Retry-After");
            return;
        }
        await next(context);
    }

    bool NeedsPermit(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true || !context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            return false;
        }
        // Carrier callbacks authenticate by their own secret, not by an API key.
        return !(context.Request.Path.StartsWithSegments("/v1/carrier", StringComparison.Ordinal)
            && carrierSecret.Matches(context.Request.Headers[CarrierApi.SecretHeader].ToString()));
    }
}
