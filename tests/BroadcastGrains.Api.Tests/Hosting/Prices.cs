namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>Reads the silo's price table as the operator sees it.</summary>
internal static class Prices
{
    /// <summary>What a segment costs in a country the table does not list.</summary>
    public static async Task<decimal> DefaultPriceAsync(this ApiFixture api)
    {
        using var admin = api.Operator();
        return (await admin.GetJsonAsync("/v1/admin/prices")).Dec("defaultPerSegment");
    }
}
