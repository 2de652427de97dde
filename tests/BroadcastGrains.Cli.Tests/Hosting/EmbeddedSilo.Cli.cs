namespace BroadcastGrains.Testing.Hosting;

/// <summary>A silo a CLI test started itself serves as the shared fixture's does.</summary>
internal sealed partial class EmbeddedSilo : BroadcastGrains.Cli.Tests.Hosting.ISilo;
