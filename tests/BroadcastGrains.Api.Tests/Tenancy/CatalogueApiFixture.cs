using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Tenancy;

/// <summary>
/// A silo for the tenancy, catalogue and webhook tests: webhook retries start after 1 s (instead of 15) so a receiver
/// that fails its first attempts gets the event within a test's patience. Private targets are allowed (Memory storage).
/// </summary>
public sealed class CatalogueApiFixture : ApiFixture
{
    protected override Dictionary<string, string> Settings()
    {
        var settings = base.Settings();
        settings["Broadcast:Webhooks:FirstRetrySeconds"] = "1";
        return settings;
    }
}

/// <summary>Tests that share one <see cref="CatalogueApiFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class CatalogueApiCollection : ICollectionFixture<CatalogueApiFixture>
{
    public const string Name = "api-catalogue";
}
