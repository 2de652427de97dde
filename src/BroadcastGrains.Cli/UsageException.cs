namespace BroadcastGrains.Cli;

/// <summary>A mistake in the command line or the input file: printed as it is, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
