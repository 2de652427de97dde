namespace BroadcastGrains.Broadcasts;

/// <summary>How <see cref="CommandUndo.StepFor"/> undoes a failed command.</summary>
internal enum UndoStep
{
    /// <summary>A create that failed while planning: nothing of it was stored or held.</summary>
    NothingStored,

    /// <summary>The broadcast existed: its state before the command is stored again, then the hold released.</summary>
    RestoreBefore,

    /// <summary>A create that stored something: its partitions, quota and index row go, and the id is free again.</summary>
    RollBackCreate,
}
