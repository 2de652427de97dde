using BroadcastGrains.Smpp.Tests.Smsc;
using BroadcastGrains.Testing.Silo;

namespace BroadcastGrains.Smpp.Tests.Link;

/// <summary>
/// One test SMSC process and one in-process silo (<see cref="TestSilo"/>) that hosts the SMPP directory and rate grains.
/// Each test builds its own <see cref="CarrierUnderTest"/> in the test process with its own system_id, so the SMSC keeps
/// its counters, receipts and behaviour switches apart per test.
/// </summary>
public sealed class LinkFixture : TestSilo
{
    public SmscProcess Smsc { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Smsc = await SmscProcess.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smsc.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LinkCollection : ICollectionFixture<LinkFixture>
{
    public const string Name = "SMPP link against the test SMSC";
}
