using System.Buffers.Text;
using System.Diagnostics;
using System.Text.Json;

namespace BroadcastGrains.Bench.Accept;

/// <summary>
/// The accept baseline: one <see cref="Utf8JsonReader"/> pass over the same create body, turning the recipients'
/// "+digits" strings into a <c>long[]</c> (grown by doubling, as the count is not known in advance).
/// </summary>
internal static class JsonParseBaseline
{
    /// <summary>The best of <paramref name="rounds"/> passes (the first one warms the JIT), and the count parsed.</summary>
    public static (TimeSpan Best, int Count) Measure(byte[] body, int rounds = 3)
    {
        var best = TimeSpan.MaxValue;
        var count = 0;
        for (var r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            var numbers = Parse(body);
            best = TimeSpan.FromTicks(Math.Min(best.Ticks, clock.Elapsed.Ticks));
            count = numbers.Length;
        }
        return (best, count);
    }

    static long[] Parse(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        var numbers = new long[1024];
        var count = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1 || !reader.ValueTextEquals("recipients"u8))
            {
                continue;
            }
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                var text = reader.ValueSpan;
                if (text.Length < 2 || text[0] != (byte)'+' || !Utf8Parser.TryParse(text[1..], out long number, out var used) || used != text.Length - 1)
                {
                    throw new InvalidDataException("not an E.164 string");
                }
                if (count == numbers.Length)
                {
                    Array.Resize(ref numbers, numbers.Length * 2);
                }
                numbers[count++] = number;
            }
        }
        Array.Resize(ref numbers, count);
        return numbers;
    }
}
