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
    /// Characters a caller's scratch buffer needs for <see cref="TryAddString"/>: the longest recipient string, each
    /// char of which a client may write as a six-byte <c>\uXXXX</c> escape.
    /// </summary>
    public const int TextScratchChars = RequestLimits.MaxRecipientLength * 6;

    private readonly PooledArrayBuilder<long> _numbers = new();
    private readonly PooledArrayBuilder<int> _textIndexes = new();
    private readonly List<string> _texts = [];

    /// <summary>The variables of the recipients that have them.</summary>
    public VariableColumns Variables { get; } = new();

    /// <summary>How many recipients were added.</summary>
    public int Count => _numbers.Count;

    /// <summary>
    /// Adds the recipient in the reader's current string token. An E.164 number is read through
    /// <paramref name="scratch"/> (at least <see cref="TextScratchChars"/> long) without making a string; only other
    /// text (national numbers, typos) allocates. False when the text is longer than
    /// <see cref="RequestLimits.MaxRecipientLength"/>: nothing is added.
    /// </summary>
    public bool TryAddString(ref Utf8JsonReader reader, scoped Span<char> scratch)
    {
        // The usual case, "+14155550100" in one piece and unescaped, is read from the UTF-8 bytes as they are.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && RecipientInput.TryParseE164Digits(reader.ValueSpan, out var direct))
        {
            _numbers.Add(direct);
            return true;
        }

        // A char takes at most six raw bytes, so a longer token is over the limit whatever it says: refused unread.
        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength > TextScratchChars)
        {
            return false;
        }
        var chars = scratch[..reader.CopyString(scratch)];
        if (chars.Length > RequestLimits.MaxRecipientLength)
        {
            return false;
        }
        if (RecipientInput.TryParseE164Digits(chars, out var number))
        {
            _numbers.Add(number);
        }
        else
        {
            AddText(new string(chars));
        }
        return true;
    }

    /// <summary>The columns as the grain contract wants them, each array at its exact length.</summary>
    public RecipientInput ToInput()
    {
        return new RecipientInput(_numbers.ToArray(), _textIndexes.ToArray(), [.. _texts], Variables.ToTable());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _numbers.Dispose();
        _textIndexes.Dispose();
    }

    private void AddText(string text)
    {
        _textIndexes.Add(_numbers.Count);
        _texts.Add(text);
        _numbers.Add(0);
    }
}
