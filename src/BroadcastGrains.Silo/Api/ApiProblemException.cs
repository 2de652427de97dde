using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api;

/// <summary>Thrown where a handler cannot return a result (parameter binding); the middleware writes it as a problem.</summary>
internal sealed class ApiProblemException(BroadcastError error) : Exception(error.Detail)
{
    public BroadcastError Error { get; } = error;
}
