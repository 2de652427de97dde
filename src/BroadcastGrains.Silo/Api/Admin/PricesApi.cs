using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.PhoneNumbers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Admin;

/// <summary><c>PUT /v1/admin/prices</c>: merge a change into the price table.</summary>
internal static class PricesApi
{
    internal sealed record PricesRequest(decimal? DefaultPerSegment, decimal? MmsPerMessage, Dictionary<string, decimal?>? Countries);

    public static async Task<Results<Ok<PriceTable>, ProblemHttpResult>> UpdateAsync(PricesRequest request, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IsPrice(request.DefaultPerSegment))
        {
            errors["defaultPerSegment"] = ["a price is a non-negative number with at most 4 decimals"];
        }
        if (!IsPrice(request.MmsPerMessage))
        {
            errors["mmsPerMessage"] = ["a price is a non-negative number with at most 4 decimals"];
        }
        foreach (var (country, price) in request.Countries ?? [])
        {
            if (country.Length != 2 || !PhoneNumberClassifier.IsRegionCode(country.ToUpperInvariant()) || !IsPrice(price))
            {
                errors[$"countries.{country}"] = ["countries map ISO 3166 alpha-2 codes to a price, or null for no route"];
            }
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var update = new PriceTableUpdate(request.DefaultPerSegment, request.MmsPerMessage, request.Countries);
        return TypedResults.Ok(await grains.GetGrain<IPriceTableGrain>(IPriceTableGrain.Key).UpdateAsync(update));
    }

    static bool IsPrice(decimal? price) => price is null || (price >= 0 && price <= 1000 && decimal.Round(price.Value, 4) == price);
}
