namespace BroadcastGrains.Messages;

/// <summary>
/// A message body with <c>{{name}}</c> and <c>{{name|fallback}}</c> placeholders, parsed once per broadcast and
/// rendered once per recipient. Names match a recipient's variables ordinally (see <see cref="PlaceholderSyntax"/>).
/// Braces that do not form a placeholder are kept as text, so a body such as <c>"Use code {{X-1"</c> or
/// <c>"{json}"</c> is sent as written rather than rejected.
/// </summary>
public sealed class MessageTemplate
{
    readonly TemplatePiece[] _pieces;
    readonly bool[] _fallbackEverywhere;

    MessageTemplate(string body, TemplatePiece[] pieces, string[] variableNames, int literalLength)
    {
        Body = body;
        _pieces = pieces;
        VariableNames = variableNames;
        LiteralLength = literalLength;
        // A name used once with a fallback and once without still needs a value: the bare use has nothing to show.
        _fallbackEverywhere = new bool[variableNames.Length];
        Array.Fill(_fallbackEverywhere, true);
        foreach (var piece in pieces)
        {
            if (piece.Variable >= 0 && !piece.HasFallback)
            {
                _fallbackEverywhere[piece.Variable] = false;
            }
        }
    }

    /// <summary>The text as written, placeholders included.</summary>
    public string Body { get; }

    /// <summary>Distinct placeholder names in order of first use.</summary>
    public IReadOnlyList<string> VariableNames { get; }

    /// <summary>The body cut into literal text and placeholders.</summary>
    internal ReadOnlySpan<TemplatePiece> Pieces => _pieces;

    /// <summary>Characters of the body outside placeholders.</summary>
    internal int LiteralLength { get; }

    /// <summary>True when the text depends on the recipient; false: every recipient gets <see cref="Body"/>.</summary>
    public bool HasVariables => VariableNames.Count > 0;

    /// <summary>True when every use of variable <paramref name="variable"/> has a fallback, so it is never missing.</summary>
    internal bool HasFallbackEverywhere(int variable) => _fallbackEverywhere[variable];

    /// <summary>What piece <paramref name="piece"/> shows for a placeholder without a value: its fallback text.</summary>
    internal ReadOnlySpan<char> FallbackOf(in TemplatePiece piece) => Body.AsSpan(piece.FallbackStart, piece.FallbackLength);

    /// <summary>Finds the placeholders of <paramref name="body"/>. Never fails: the rest is text.</summary>
    public static MessageTemplate Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var pieces = new List<TemplatePiece>();
        var names = new List<string>();
        var literalStart = 0;
        var literalLength = 0;
        var at = body.IndexOf("{{", StringComparison.Ordinal);
        while (at >= 0)
        {
            if (PlaceholderSyntax.TryRead(body, at, out var placeholder))
            {
                if (at > literalStart)
                {
                    pieces.Add(new TemplatePiece(literalStart, at - literalStart, -1));
                    literalLength += at - literalStart;
                }
                var name = body.Substring(placeholder.NameStart, placeholder.NameLength);
                var index = names.IndexOf(name);
                if (index < 0)
                {
                    index = names.Count;
                    names.Add(name);
                }
                pieces.Add(new TemplatePiece(at, placeholder.End - at, index, placeholder.FallbackStart, placeholder.FallbackLength));
                literalStart = placeholder.End;
                at = body.IndexOf("{{", placeholder.End, StringComparison.Ordinal);
            }
            else
            {
                // Step one brace only, so "{{{name}}}" still finds the placeholder behind a literal '{'.
                at = body.IndexOf("{{", at + 1, StringComparison.Ordinal);
            }
        }
        if (literalStart < body.Length)
        {
            pieces.Add(new TemplatePiece(literalStart, body.Length - literalStart, -1));
            literalLength += body.Length - literalStart;
        }
        return new MessageTemplate(body, [.. pieces], [.. names], literalLength);
    }

    /// <summary>
    /// Renders the body for one recipient whose variables are <paramref name="names"/> with the parallel
    /// <paramref name="values"/> (a null value, or no values at all, means the variable is absent; an empty string is
    /// a value); an absent variable shows its placeholder's fallback. False with the first placeholder that has
    /// neither, which the caller reports as <c>MISSING_VARIABLE</c>. Without placeholders this returns
    /// <see cref="Body"/> itself. For one-off renders; a slice renders through <see cref="VariableRenderer"/>.
    /// </summary>
    public bool TryRender(
        IReadOnlyList<string> names, IReadOnlyList<string?>? values, out string text, out string? missingVariable)
    {
        ArgumentNullException.ThrowIfNull(names);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        var count = values is null ? 0 : Math.Min(names.Count, values.Count);
        for (var i = 0; i < count; i++)
        {
            if (values![i] is { } value)
            {
                given.TryAdd(names[i], value);
            }
        }
        return new VariableRenderer(this, Broadcasts.VariableTable.Empty, given).TryRender(0, out text, out missingVariable);
    }
}
