using BroadcastGrains.Carrier;
using BroadcastGrains.Testing.Silo;
using Microsoft.Extensions.DependencyInjection;

namespace BroadcastGrains.Tests.Outgoing;

/// <summary>One silo whose partitions submit to a <see cref="RecordingRouter"/>, so a test reads the text that went out.</summary>
public sealed class RecordingRouterFixture : TestSilo
{
    internal RecordingRouter Router { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Broadcast:PartitionSize"] = "2000",
        ["Broadcast:Links:BaseUrl"] = "https://go.example",
    };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IRecipientRouter>(Router);
}

/// <summary>Tests that read what was sent share one <see cref="RecordingRouterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class RecordingRouterCollection : ICollectionFixture<RecordingRouterFixture>
{
    public const string Name = "RecordingRouter";
}
