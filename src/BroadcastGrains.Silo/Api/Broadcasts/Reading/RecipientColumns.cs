using System.Text.Json;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>
/// Collects recipients straight into <see cref="RecipientInput"/>'s columns as the JSON is read: a number per entry
/// (0 where the entry is text), the rarer texts on the side, and the variables table. Two million recipients thus
/// cost one long each plus whatever texts and variables they really carry, never one object each.
/// </summary>
internal sealed class RecipientColumns : IDisposable
{
    /// <summary>API.md's ceiling for inline recipients.</summary>
    public const int MaxRecipients = 2_000_000;

    /// <summary>
    /// Characters a caller's scratch buffer needs for <see cref="AddString"/>: "+" and 15 digits, each of which a
    /// client may write as a six-byte <c>\uXXXX</c> escape and still mean an E.164 number.
    /// </summary>
    public const int ScratchChars = MaxE164Chars * 6;

    private const int MaxE164Chars = 16;

    private readonly PooledArrayBuilder<long> _numbers = new();
    private readonly PooledArrayBuilder<int> _textIndexes = new();
    private readonly List<string> _texts = [];

    /// <summary>The variables of the recipients that have them.</summary>
    public VariableColumns Variables { get; } = new();

    /// <summary>How many recipients were added.</summary>
    public int Count => _numbers.Count;

    /// <summary>
    /// Adds the recipient in the reader's current string token. An E.164 number is read through
    /// <paramref name="scratch"/> without making a string; only other text (national numbers, typos) allocates.
    /// </summary>
    public void AddString(ref Utf8JsonReader reader, scoped Span<char> scratch)
    {
        // The usual case, "+14155550100" in one piece and unescaped, is read from the UTF-8 bytes as they are.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && RecipientInput.TryParseE164Digits(reader.ValueSpan, out var direct))
        {
            _numbers.Add(direct);
            return;
        }

        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;

        // Unescaped UTF-8 never decodes to more chars than it has bytes, nor does an escape, so the raw length
        // bounds the text: anything longer than E.164 allows cannot be a number and skips the scratch buffer.
        var limit = reader.ValueIsEscaped ? Math.Min(scratch.Length, ScratchChars) : MaxE164Chars;
        if (rawLength > limit)
        {
            AddText(reader.GetString()!);
            return;
        }

        var chars = scratch[..reader.CopyString(scratch)];
        if (RecipientInput.TryParseE164Digits(chars, out var number))
        {
            _numbers.Add(number);
        }
        else
        {
            AddText(new string(chars));
        }
    }

    /// <summary>The columns as the grain contract wants them, each array at its exact length.</summary>
    public RecipientInput ToInput()
    {
        var (names, rowIndexes, rows) = Variables.ToColumns();
        return new RecipientInput(_numbers.ToArray(), _textIndexes.ToArray(), [.. _texts], names, rowIndexes, rows);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _numbers.Dispose();
        _textIndexes.Dispose();
        Variables.Dispose();
    }

    private void AddText(string text)
    {
        _textIndexes.Add(_numbers.Count);
        _texts.Add(text);
        _numbers.Add(0);
    }
}
