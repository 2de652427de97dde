using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Partitions;

/// <summary>A slice's variables as rows parallel to the names, the shape the recipient table stores.</summary>
internal sealed class VariableRows(VariableTable table)
{
    public IReadOnlyList<string> Names => table.Names;

    public static VariableRows Of(PartitionSlice slice) => new(slice.Variables ?? VariableTable.Empty);

    /// <summary>The recipient's values, parallel to <see cref="Names"/>, or null when it has none.</summary>
    public string?[]? For(int index) => table.RowOf(index) is var row and >= 0 ? table.ValuesOf(row) : null;
}
