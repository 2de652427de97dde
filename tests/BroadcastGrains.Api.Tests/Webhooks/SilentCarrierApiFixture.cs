using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Webhooks;

/// <summary>
/// A silo whose simulator sends no receipt for any number outside the fixed ones, with the shortest receipt window
/// (one minute): such a message becomes <c>timeout</c> a minute after it was sent. Webhook retries start after 1 s.
/// </summary>
public sealed class SilentCarrierApiFixture : ApiFixture
{
    protected override Dictionary<string, string> Settings()
    {
        var settings = base.Settings();
        settings["Broadcast:Simulator:NoReceiptPercent"] = "100";
        settings["Broadcast:ReceiptWindowMinutes"] = "1";
        settings["Broadcast:Webhooks:FirstRetrySeconds"] = "1";
        return settings;
    }
}

/// <summary>Tests that share one <see cref="SilentCarrierApiFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SilentCarrierApiCollection : ICollectionFixture<SilentCarrierApiFixture>
{
    public const string Name = "api-silent-carrier";
}
