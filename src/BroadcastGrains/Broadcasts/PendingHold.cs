using System.Globalization;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// A hold of run <see cref="Run"/> asked of the wallet under <see cref="OperationId"/> but not yet recorded in a run.
/// Undoing it releases whatever the wallet holds for that run under <see cref="UndoOperationId"/>: nothing when the hold
/// never arrived, so the undo is safe without knowing whether it did.
/// </summary>
[GenerateSerializer, Immutable, Alias("pending-hold")]
public sealed record PendingHold([property: Id(0)] int Run, [property: Id(1)] int Attempt, [property: Id(2)] string BroadcastId)
{
    /// <summary>
    /// The first attempt keeps the plain <c>{id}/hold/{run}</c>; a hold after an undone one needs another id, or the
    /// wallet would answer the used one "held" and hold nothing.
    /// </summary>
    public string OperationId => Attempt == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{BroadcastId}/hold/{Run}")
        : string.Create(CultureInfo.InvariantCulture, $"{BroadcastId}/hold/{Run}/{Attempt}");

    public string UndoOperationId => string.Create(CultureInfo.InvariantCulture, $"{BroadcastId}/unhold/{Run}/{Attempt}");
}
