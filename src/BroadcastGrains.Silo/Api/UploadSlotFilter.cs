using BroadcastGrains.Broadcasts;
using BroadcastGrains.Silo.Auth;

namespace BroadcastGrains.Silo.Api;

/// <summary>
/// Holds an <see cref="UploadSlots"/> slot for the whole of a create, precheck or contact upload, taken before its
/// body is read; none free → 429 <c>RATE_LIMITED</c> with <c>Retry-After</c>, nothing read or changed.
/// </summary>
internal sealed class UploadSlotFilter(UploadSlots slots) : IEndpointFilter
{
    const string RetryAfterSeconds = "1";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var client = await ClientContext.ResolveAsync(context.HttpContext);
        if (!slots.TryTake(client.ClientId))
        {
            context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
            return ApiProblems.Result(ErrorCodes.RateLimited,
                $"at most {slots.PerClient} creates, prechecks and contact uploads of one client may be in flight at once");
        }
        try
        {
            return await next(context);
        }
        finally
        {
            slots.Give(client.ClientId);
        }
    }
}
