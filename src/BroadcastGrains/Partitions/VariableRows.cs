namespace BroadcastGrains.Partitions;

/// <summary>Finds a recipient's variables in a slice's sparse rows.</summary>
internal sealed class VariableRows
{
    readonly Dictionary<int, int> rowOf;
    readonly string?[][] rows;

    VariableRows(string[] names, int[] indexes, string?[][] rows)
    {
        Names = names;
        this.rows = rows;
        rowOf = new Dictionary<int, int>(indexes.Length);
        for (var k = 0; k < indexes.Length; k++)
        {
            rowOf[indexes[k]] = k;
        }
    }

    public IReadOnlyList<string> Names { get; }

    public static VariableRows Of(PartitionSlice slice) => new(slice.VariableNames, slice.VariableRowIndexes, slice.VariableRows);

    /// <summary>The recipient's values, parallel to <see cref="Names"/>, or null when it has none.</summary>
    public IReadOnlyList<string?>? For(int index) => rowOf.TryGetValue(index, out var row) ? rows[row] : null;
}
