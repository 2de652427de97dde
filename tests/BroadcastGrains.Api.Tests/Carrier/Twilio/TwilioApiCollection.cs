namespace BroadcastGrains.Api.Tests.Carrier.Twilio;

/// <summary>Tests that share one <see cref="TwilioApiFixture"/> (one silo, one test carrier).</summary>
[CollectionDefinition(Name)]
public sealed class TwilioApiCollection : ICollectionFixture<TwilioApiFixture>
{
    public const string Name = "api-twilio";
}
