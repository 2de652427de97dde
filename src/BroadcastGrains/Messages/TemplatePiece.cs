namespace BroadcastGrains.Messages;

/// <summary>
/// One piece of a parsed body: literal text (<see cref="Variable"/> −1) or a placeholder, the index of its name in
/// <see cref="MessageTemplate.VariableNames"/>. A placeholder written <c>{{name|fallback}}</c> keeps where its
/// fallback text lies in the body, so the fallback costs no string of its own.
/// </summary>
internal readonly record struct TemplatePiece(int Start, int Length, int Variable, int FallbackStart = -1, int FallbackLength = 0)
{
    /// <summary>True for a placeholder that renders its fallback when no value is given.</summary>
    public bool HasFallback => FallbackStart >= 0;
}
