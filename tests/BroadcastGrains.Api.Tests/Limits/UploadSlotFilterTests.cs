using BroadcastGrains.Hosting;
using BroadcastGrains.Silo.Api;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Api.Tests.Limits;

/// <summary>
/// A client may have at most <c>MaxUploadsInFlightPerClient</c> creates, prechecks and contact uploads in flight on a
/// silo (each may carry a 256 MB body); the next is 429 <c>RATE_LIMITED</c> with <c>Retry-After</c> before its body
/// is touched, and a slot is free again once one ends.
/// </summary>
public class UploadSlotFilterTests
{
    const int InFlight = 8;

    [Fact]
    public async Task The_ninth_request_in_flight_of_one_client_is_RATE_LIMITED_until_one_ends()
    {
        var filter = new UploadSlotFilter(new UploadSlots(Options.Create(new BroadcastOptions())));
        var release = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = 0;
        EndpointFilterDelegate held = async _ =>
        {
            Interlocked.Increment(ref reached);
            return await release.Task;
        };

        var pending = Enumerable.Range(0, InFlight).Select(_ => filter.InvokeAsync(Invocation("client-a"), held).AsTask()).ToList();
        var ninthContext = Invocation("client-a");
        var ninth = await filter.InvokeAsync(ninthContext, _ => throw new InvalidOperationException("the body must not be read"));
        var otherClient = filter.InvokeAsync(Invocation("client-b"), _ => ValueTask.FromResult<object?>("b ran"));

        var problem = Assert.IsType<ProblemHttpResult>(ninth);
        Assert.Equal(429, problem.StatusCode);
        Assert.Equal("RATE_LIMITED", problem.ProblemDetails.Extensions["code"]);
        Assert.Equal("1", ninthContext.HttpContext.Response.Headers.RetryAfter.ToString());
        Assert.Equal(InFlight, reached);
        Assert.Equal("b ran", await otherClient);

        release.SetResult("done");
        Assert.All(await Task.WhenAll(pending), r => Assert.Equal("done", r));
        Assert.Equal("again", await filter.InvokeAsync(Invocation("client-a"), _ => ValueTask.FromResult<object?>("again")));
    }

    [Fact]
    public async Task A_request_that_throws_gives_its_slot_back()
    {
        var filter = new UploadSlotFilter(new UploadSlots(Options.Create(new BroadcastOptions { MaxUploadsInFlightPerClient = 1 })));

        await Assert.ThrowsAsync<IOException>(() => filter.InvokeAsync(Invocation("c"), _ => throw new IOException("client went away")).AsTask());

        Assert.Equal("ok", await filter.InvokeAsync(Invocation("c"), _ => ValueTask.FromResult<object?>("ok")));
    }

    static DefaultEndpointFilterInvocationContext Invocation(string clientId)
    {
        var http = new DefaultHttpContext();
        http.Items[typeof(ClientContext)] = new ClientContext(clientId, IsApprover: false);
        return new DefaultEndpointFilterInvocationContext(http);
    }
}
