namespace BroadcastGrains.Silo.Api.Export;

/// <summary>RFC 4180 fields: quoted only when they hold a comma, a quote or a line break, with quotes doubled.</summary>
internal static class CsvText
{
    static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    public static void Write(TextWriter writer, string value)
    {
        if (value.IndexOfAny(NeedsQuotes) < 0)
        {
            writer.Write(value);
            return;
        }
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
