using System.Globalization;
using BroadcastGrains.Silo.Api.Json;
using BroadcastGrains.Silo.Auth;
using BroadcastGrains.Wallet;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api;

/// <summary><c>/v1/wallet</c>: the client's balances and ledger.</summary>
internal static class WalletApi
{
    public static RouteGroupBuilder MapWalletApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/wallet").RequireAuthorization(Scopes.WalletRead).WithTags("Wallet");
        api.MapGet("/", (ClientContext client, IGrainFactory grains) => grains.GetGrain<IWalletGrain>(client.ClientId).GetAsync())
            .WithName("GetWallet");
        api.MapGet("/ledger", LedgerAsync).WithName("GetLedger");
        return api;
    }

    static async Task<Results<Ok<Page<LedgerEntryJson>>, ProblemHttpResult>> LedgerAsync(
        string? limit, string? cursor, ClientContext client, IGrainFactory grains)
    {
        if (PagingQuery.CheckLimit(limit, out var take) is { } badLimit)
        {
            return badLimit;
        }
        if (PagingQuery.CheckCursor(cursor, out var before) is { } badCursor)
        {
            return badCursor;
        }
        var page = await grains.GetGrain<IWalletGrain>(client.ClientId).GetLedgerAsync(before, take);
        var next = page.HasMore ? page.Items[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(Page<LedgerEntryJson>.Of(page.Items.Select(LedgerEntryJson.From).ToList(), next));
    }
}
