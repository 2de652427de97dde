namespace BroadcastGrains.Cli.Tests.Hosting;

/// <summary>Where a silo's HTTP API answers: the shared fixture's, or one a test started (and stops) itself.</summary>
public interface ISilo
{
    Uri Address { get; }
}
