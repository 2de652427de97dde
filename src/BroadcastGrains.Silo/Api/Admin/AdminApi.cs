using System.Security.Cryptography;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Auth;
using BroadcastGrains.Wallet;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Admin;

/// <summary><c>/v1/admin</c>: the operator's clients, keys, credits, prices, routes and connectors.</summary>
internal static class AdminApi
{
    const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/admin").RequireAuthorization(Scopes.Operator).WithTags("Admin");
        api.MapPost("/clients", CreateClientAsync).WithName("CreateClient");
        api.MapGet("/clients/{id}", GetClientAsync).WithName("GetClient");
        api.MapPatch("/clients/{id}", ClientPatchApi.PatchAsync).WithName("UpdateClient");
        api.MapPost("/clients/{id}/api-keys", ApiKeysApi.CreateAsync).WithName("CreateApiKey");
        api.MapGet("/clients/{id}/api-keys", ApiKeysApi.ListAsync).WithName("ListApiKeys");
        api.MapDelete("/api-keys/{id}", ApiKeysApi.RevokeAsync).WithName("RevokeApiKey");
        api.MapPost("/clients/{id}/credits", AddCreditsAsync).WithName("AddCredits");
        api.MapGet("/prices", (IGrainFactory grains) => grains.GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).GetAsync())
            .WithName("GetPrices");
        api.MapPut("/prices", PricesApi.UpdateAsync).WithName("UpdatePrices");
        api.MapPut("/routes", RoutesApi.ReplaceAsync).WithName("ReplaceRoutes");
        api.MapGet("/routes", RoutesApi.GetAsync).WithName("GetRoutes");
        api.MapGet("/connectors", RoutesApi.ConnectorsAsync).WithName("ListConnectors");
        return api;
    }

    static async Task<Results<Created<ClientView>, ProblemHttpResult>> CreateClientAsync(
        CreateClientRequest request, IGrainFactory grains, TimeProvider time)
    {
        var errors = ClientValidation.Check(request);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        if (request.AgencyId is { } agencyId && await grains.GetGrain<IAgencyGrain>(agencyId).GetAsync() is null)
        {
            return ApiProblems.Validation("agencyId", $"no agency '{agencyId}'");
        }
        var id = "cl_" + RandomNumberGenerator.GetString(IdAlphabet, 16);
        var profile = await grains.GetGrain<IClientGrain>(id).CreateAsync(ClientValidation.ToProfile(request, id, time.GetUtcNow()));
        return TypedResults.Created($"/v1/admin/clients/{id}", ClientView.Of(profile));
    }

    static async Task<Results<Ok<ClientView>, ProblemHttpResult>> GetClientAsync(string id, IGrainFactory grains)
    {
        var profile = await grains.GetGrain<IClientGrain>(id).GetAsync();
        return profile is null ? ClientNotFound(id) : TypedResults.Ok(ClientView.Of(profile));
    }

    static async Task<Results<Ok<WalletView>, ProblemHttpResult>> AddCreditsAsync(
        string id, CreditsRequest request, IGrainFactory grains)
    {
        if (request.Amount is not { } amount || amount <= 0 || amount > 1_000_000_000m || decimal.Round(amount, 4) != amount)
        {
            return ApiProblems.Validation("amount", "amount must be positive, at most 1e9, with at most 4 decimals");
        }
        if (string.IsNullOrWhiteSpace(request.Reference) || request.Reference.Length > 200)
        {
            return ApiProblems.Validation("reference", "reference is required (at most 200 characters)");
        }
        if (await grains.GetGrain<IClientGrain>(id).GetAsync() is null)
        {
            return ClientNotFound(id);
        }
        var result = await grains.GetGrain<IWalletGrain>(id).TopUpAsync(request.Reference, amount);
        return result.ReferenceReused
            ? ApiProblems.Result(ErrorCodes.IdempotencyKeyReused, $"reference '{request.Reference}' was used with another amount")
            : TypedResults.Ok(result.Wallet);
    }

    internal static ProblemHttpResult ClientNotFound(string id) => ApiProblems.Result(ErrorCodes.NotFound, $"no client '{id}'");
}
