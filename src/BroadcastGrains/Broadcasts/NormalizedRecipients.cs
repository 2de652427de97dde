namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Recipients after E.164 normalisation and de-duplication, in columns: <see cref="Numbers"/>[i] is the number, or 0
/// for an entry that is no phone number (its text at <see cref="InvalidIndexes"/>/<see cref="InvalidTexts"/>).
/// Variables as in <see cref="RecipientInput"/>, re-indexed.
/// </summary>
internal sealed record NormalizedRecipients(
    long[] Numbers,
    int[] InvalidIndexes,
    string[] InvalidTexts,
    VariableTable Variables,
    int DuplicateCount,
    IReadOnlyList<string> DuplicateSamples)
{
    public int Count => Numbers.Length;
}
