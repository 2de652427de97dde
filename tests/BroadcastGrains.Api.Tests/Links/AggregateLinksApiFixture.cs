using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Links;

/// <summary>The API silo with <c>Broadcast__Links__PerRecipient=false</c>: one code per link per broadcast.</summary>
public sealed class AggregateLinksApiFixture : ApiFixture
{
    protected override Dictionary<string, string> Settings()
    {
        var settings = base.Settings();
        settings["Broadcast:Links:PerRecipient"] = "false";
        settings["Broadcast:Links:BaseUrl"] = "https://go.example/";
        return settings;
    }
}

/// <summary>Tests that share one <see cref="AggregateLinksApiFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class AggregateLinksApiCollection : ICollectionFixture<AggregateLinksApiFixture>
{
    public const string Name = "api-aggregate-links";
}
