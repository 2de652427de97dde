namespace BroadcastGrains.Cli;

/// <summary>What the process answers, for scripts.</summary>
internal static class ExitCodes
{
    /// <summary>Done: the broadcast completed, the command succeeded.</summary>
    public const int Ok = 0;

    /// <summary>The API refused (a problem was printed), or the server could not be reached.</summary>
    public const int ApiError = 1;

    /// <summary>The command line or its input file is wrong.</summary>
    public const int Usage = 2;

    /// <summary>The broadcast ended <c>failed</c> or <c>cancelled</c>.</summary>
    public const int BroadcastNotCompleted = 3;

    /// <summary>Interrupted (Ctrl+C) before the end.</summary>
    public const int Interrupted = 130;
}
