using BroadcastGrains.PhoneNumbers;

namespace BroadcastGrains.Routing;

/// <summary>
/// Checks a routing table before it replaces the stored one: codes unique and well formed, every route with at least
/// one configured connector, prefixes an E.164 start (<c>+</c> and 1–15 digits), countries ISO 3166 regions, prices
/// like the price table's. Answers the problems by field (<c>routes[2].connectors</c>); none means the table is good.
/// </summary>
public static class RouteRules
{
    /// <summary>Routes a table may hold.</summary>
    public const int MaxRoutes = 5_000;

    /// <summary>Prefixes, countries and client ids one route may list.</summary>
    public const int MaxFilterItems = 10_000;

    /// <summary>The problems of <paramref name="routes"/> against the connectors of configuration; empty when none.</summary>
    public static Dictionary<string, string[]> Check(IReadOnlyList<RouteDefinition>? routes, IReadOnlyCollection<string> connectors)
    {
        ArgumentNullException.ThrowIfNull(connectors);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (routes is null)
        {
            errors["routes"] = ["routes is required (an empty list clears the table)"];
            return errors;
        }
        if (routes.Count > MaxRoutes)
        {
            errors["routes"] = [$"at most {MaxRoutes} routes"];
            return errors;
        }
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < routes.Count; i++)
        {
            if (routes[i] is not { } route)
            {
                errors[$"routes[{i}]"] = ["a route is an object"];
                continue;
            }
            var field = $"routes[{i}]";
            if (!IsCode(route.Code))
            {
                errors[$"{field}.code"] = ["a code is 1–64 letters, digits, '_' or '-'"];
            }
            else if (!codes.Add(route.Code))
            {
                errors[$"{field}.code"] = [$"the code '{route.Code}' is used by an earlier route"];
            }
            CheckConnectors(route, connectors, $"{field}.connectors", errors);
            CheckList(route.Prefixes, IsPrefix, "a prefix is '+' followed by 1–15 digits", $"{field}.prefixes", errors);
            CheckList(route.Countries, PhoneNumberClassifier.IsRegionCode, "countries are ISO 3166 alpha-2 codes",
                $"{field}.countries", errors);
            CheckList(route.ClientIds, id => !string.IsNullOrWhiteSpace(id) && id.Length <= 100,
                "client ids are non-empty strings", $"{field}.clientIds", errors);
            if (!IsPrice(route.PricePerSegment))
            {
                errors[$"{field}.pricePerSegment"] = ["a price is a non-negative number up to 1000 with at most 4 decimals"];
            }
            if (!IsPrice(route.MmsPerMessage))
            {
                errors[$"{field}.mmsPerMessage"] = ["a price is a non-negative number up to 1000 with at most 4 decimals"];
            }
        }
        return errors;
    }

    /// <summary>True for a well-formed route code.</summary>
    public static bool IsCode(string? code) =>
        code is { Length: > 0 and <= 64 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    static void CheckConnectors(RouteDefinition route, IReadOnlyCollection<string> configured, string field,
        Dictionary<string, string[]> errors)
    {
        if (route.Connectors is not { Count: > 0 })
        {
            errors[field] = ["a route needs at least one connector"];
            return;
        }
        var unknown = route.Connectors.Where(c => c is null || !configured.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            errors[field] = [$"no connector {string.Join(", ", unknown.Select(c => $"'{c}'"))}; configured: {string.Join(", ", configured)}"];
        }
        else if (route.Connectors.Distinct(StringComparer.Ordinal).Count() != route.Connectors.Count)
        {
            errors[field] = ["a connector is listed twice"];
        }
    }

    static void CheckList(IReadOnlyList<string>? items, Func<string, bool> valid, string message, string field,
        Dictionary<string, string[]> errors)
    {
        if (items is null)
        {
            return;
        }
        if (items.Count == 0 || items.Count > MaxFilterItems)
        {
            errors[field] = [$"omit the filter to match everything, or list 1–{MaxFilterItems} items"];
            return;
        }
        var bad = items.Where(item => item is null || !valid(item)).Take(10).ToList();
        if (bad.Count > 0)
        {
            errors[field] = [$"{message}: {string.Join(", ", bad.Select(b => $"'{b}'"))}"];
        }
    }

    static bool IsPrefix(string prefix) =>
        prefix is { Length: >= 2 and <= 16 } && prefix[0] == '+' && prefix[1] != '0' && prefix.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false;

    static bool IsPrice(decimal? price) => price is null || (price >= 0 && price <= 1000 && decimal.Round(price.Value, 4) == price);
}
