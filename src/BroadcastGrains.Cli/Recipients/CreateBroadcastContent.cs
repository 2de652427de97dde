using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace BroadcastGrains.Cli.Recipients;

/// <summary>
/// The create request body, written straight from the recipient file to the connection: a file of 2,000,000 numbers is
/// never held in memory as a whole.
/// </summary>
internal sealed class CreateBroadcastContent : HttpContent
{
    const int FlushEvery = 10_000;

    readonly IReadOnlyDictionary<string, object?> _fields;
    readonly RecipientFile _file;

    public CreateBroadcastContent(IReadOnlyDictionary<string, object?> fields, RecipientFile file)
    {
        _fields = fields;
        _file = file;
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        foreach (var (name, value) in _fields)
        {
            if (value is not null)
            {
                json.WritePropertyName(name);
                JsonSerializer.Serialize(json, value, JsonSerializerOptions.Web);
            }
        }
        json.WriteStartArray("recipients");
        var written = 0;
        foreach (var (to, values) in _file.Read())
        {
            if (_file.Variables.Length == 0)
            {
                json.WriteStringValue(to);
            }
            else
            {
                json.WriteStartObject();
                json.WriteString("to", to);
                json.WriteStartObject("variables");
                for (var v = 0; v < values.Length; v++)
                {
                    json.WriteString(_file.Variables[v], values[v] ?? "");
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            if (++written % FlushEvery == 0)
            {
                await json.FlushAsync();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
