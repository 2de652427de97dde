using BroadcastGrains.Broadcasts;
using BroadcastGrains.Silo.Api.Broadcasts.Reading;
using BroadcastGrains.Silo.Api.Export;
using BroadcastGrains.Silo.Api.Json;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api;

/// <summary><c>/v1/broadcasts</c>: create, precheck, list, read, recipients, cancel, pause, resume.</summary>
internal static class BroadcastsApi
{
    /// <summary>API.md: create takes bodies up to 256 MB (2,000,000 recipients are ~40 MB).</summary>
    public const long CreateBodyLimit = 256L * 1024 * 1024;

    public static RouteGroupBuilder MapBroadcastsApi(this IEndpointRouteBuilder app)
    {
        // Each endpoint names its own scope: a group-wide one would add to it, and a key with only sms:send must create.
        var api = app.MapGroup("/v1/broadcasts").WithTags("Broadcasts");
        api.MapPost("/", CreateAsync).RequireAuthorization(Scopes.SmsSend).AddEndpointFilter<UploadSlotFilter>().WithName("CreateBroadcast");
        api.MapPost("/precheck", PrecheckAsync).RequireAuthorization(Scopes.SmsSend).AddEndpointFilter<UploadSlotFilter>()
            .WithName("PrecheckBroadcast");
        api.MapGet("/", ListAsync).RequireAuthorization(Scopes.SmsRead).WithName("ListBroadcasts");
        api.MapGet("/{id}", GetAsync).RequireAuthorization(Scopes.SmsRead).WithName("GetBroadcast");
        api.MapGet("/{id}/recipients", RecipientsAsync).RequireAuthorization(Scopes.SmsRead).WithName("ListRecipients");
        api.MapBroadcastLifecycleApi();
        api.MapBroadcastEventsApi();
        api.MapBroadcastRetryApi();
        return api;
    }

    static async Task<Results<Created<BroadcastJson>, Ok<BroadcastJson>, ProblemHttpResult>> CreateAsync(
        HttpContext context, ClientContext client, IGrainFactory grains)
    {
        var read = await ReadCommandAsync(context, client);
        if (read.Error is not null)
        {
            return ApiProblems.Result(read.Error);
        }
        var outcome = read.Value!.Hash is { } hash
            ? await grains.GetGrain<IIdempotentCreateGrain>($"{client.ClientId}/{read.Value.IdempotencyKey}").CreateAsync(hash, read.Value.Command)
            : await grains.GetGrain<IBroadcastGrain>(BroadcastIds.New()).CreateAsync(read.Value.Command);
        if (outcome.Error is not null)
        {
            return ApiProblems.Result(outcome.Error);
        }
        return read.Value.Command.DryRun
            ? TypedResults.Ok(BroadcastJson.DryRunOf(outcome.Broadcast!))
            : TypedResults.Created($"/v1/broadcasts/{outcome.Broadcast!.Id}", BroadcastJson.Of(outcome.Broadcast!));
    }

    static async Task<Results<Ok<PrecheckView>, ProblemHttpResult>> PrecheckAsync(
        HttpContext context, ClientContext client, IGrainFactory grains)
    {
        var read = await ReadCommandAsync(context, client);
        if (read.Error is not null)
        {
            return ApiProblems.Result(read.Error);
        }
        var outcome = await grains.GetGrain<IBroadcastGrain>(BroadcastIds.New()).PrecheckAsync(read.Value!.Command);
        return outcome.Error is not null ? ApiProblems.Result(outcome.Error) : TypedResults.Ok(outcome.Precheck!);
    }

    const string IdempotencyKeyHeader = "Idempotency-Key";
    const int MaxIdempotencyKeyLength = 255;

    /// <summary>A create body read into a command, with the body's hash when the request carries an Idempotency-Key.</summary>
    internal sealed record ReadCommand(CreateBroadcastCommand Command, string? IdempotencyKey, byte[]? Hash);

    static async Task<ReadResult<ReadCommand>> ReadCommandAsync(HttpContext context, ClientContext client)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = CreateBodyLimit;
        }
        var key = context.Request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length > MaxIdempotencyKeyLength)
        {
            return ReadResult<ReadCommand>.Failure(BroadcastError.Field(ErrorCodes.ValidationFailed, IdempotencyKeyHeader,
                $"{IdempotencyKeyHeader} is at most {MaxIdempotencyKeyLength} characters"));
        }
        using var hash = key.Length > 0 ? System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256) : null;
        var read = await CreateBroadcastRequestReader.ReadAsync(context.Request.BodyReader, context.RequestAborted, hash);
        return read.Error is not null
            ? ReadResult<ReadCommand>.Failure(read.Error)
            : ReadResult<ReadCommand>.Success(new ReadCommand(read.Value!.ToCommand(client.ClientId), key.Length > 0 ? key : null, hash?.GetHashAndReset()));
    }

    static async Task<Results<Ok<Page<BroadcastJson>>, ProblemHttpResult>> ListAsync(
        string? status, string? limit, string? cursor, ClientContext client, IGrainFactory grains)
    {
        if ((PagingQuery.CheckLimit(limit, out var take) ?? PagingQuery.CheckCursor(cursor)) is { } badPaging)
        {
            return badPaging;
        }
        BroadcastStatus? wanted = null;
        if (status is not null)
        {
            if (!BroadcastStatuses.TryParseApiName(status, out var parsed))
            {
                return ApiProblems.Validation("status", $"'{status}' is not a broadcast status");
            }
            wanted = parsed;
        }
        var page = await grains.GetGrain<IClientBroadcastsGrain>(client.ClientId).ListAsync(wanted, cursor, take);
        var views = await Task.WhenAll(page.Ids.Select(id => grains.GetGrain<IBroadcastGrain>(id).GetAsync(client.ClientId)));
        var items = views.OfType<BroadcastView>().Select(BroadcastJson.Of).ToList();
        return TypedResults.Ok(Page<BroadcastJson>.Of(items, page.NextCursor));
    }

    static async Task<Results<Ok<BroadcastJson>, ProblemHttpResult>> GetAsync(string id, ClientContext client, IGrainFactory grains)
    {
        var view = BroadcastIds.IsWellFormed(id) ? await grains.GetGrain<IBroadcastGrain>(id).GetAsync(client.ClientId) : null;
        return view is null ? NotFound() : TypedResults.Ok(BroadcastJson.Of(view));
    }

    static async Task<Results<Ok<RecipientPageJson>, PushStreamHttpResult, ProblemHttpResult>> RecipientsAsync(
        string id, string? status, string? limit, string? cursor, HttpRequest request, ClientContext client, IGrainFactory grains)
    {
        var csv = RecipientsCsvExport.IsWanted(request);
        if ((PagingQuery.CheckLimit(limit, out var take) ?? PagingQuery.CheckCursor(cursor, pair: true)) is { } badPaging)
        {
            return badPaging;
        }
        RecipientStatus? wanted = null;
        if (status is not null)
        {
            if (!RecipientStatuses.TryParseApiName(status, out var parsed))
            {
                return ApiProblems.Validation("status", $"'{status}' is not a recipient status");
            }
            wanted = parsed;
        }
        if (csv)
        {
            // An export is every recipient: limit and cursor do not apply.
            var broadcast = grains.GetGrain<IBroadcastGrain>(id);
            var first = BroadcastIds.IsWellFormed(id) ? await RecipientsCsvExport.FirstPageAsync(broadcast, client.ClientId, wanted) : null;
            return first is null
                ? NotFound()
                : TypedResults.Stream(body => RecipientsCsvExport.WriteAsync(body, broadcast, client.ClientId, wanted, first,
                    request.HttpContext.RequestAborted), RecipientsCsvExport.ContentType + "; charset=utf-8");
        }
        var page = BroadcastIds.IsWellFormed(id)
            ? await grains.GetGrain<IBroadcastGrain>(id).GetRecipientsAsync(client.ClientId, wanted, cursor, take)
            : null;
        if (page is null)
        {
            return NotFound();
        }
        var items = page.Items.Select(RecipientJson.From).ToList();
        return TypedResults.Ok(new RecipientPageJson(items, page.NextCursor, page.NextCursor is not null, page.Summary));
    }

    internal static async Task<Results<Ok<BroadcastJson>, ProblemHttpResult>> CommandAsync(
        string id, IGrainFactory grains, Func<IBroadcastGrain, Task<BroadcastOutcome>> command)
    {
        if (!BroadcastIds.IsWellFormed(id))
        {
            return NotFound();
        }
        var outcome = await command(grains.GetGrain<IBroadcastGrain>(id));
        return outcome.Error is not null ? ApiProblems.Result(outcome.Error) : TypedResults.Ok(BroadcastJson.Of(outcome.Broadcast!));
    }

    internal static ProblemHttpResult NotFound() => ApiProblems.Result(ErrorCodes.NotFound, "no such broadcast");
}
