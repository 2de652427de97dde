using System.Text.Json;
using BroadcastGrains.Broadcasts;
using CsvHelper;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary>
/// Streams an upload — <c>text/csv</c> with a <c>phone</c> column (other columns are variables) or a JSON array of
/// <c>{phone, variables}</c> — into batches, handing each to <paramref name="sink"/> before reading on, so a 2,000,000-row
/// upload never sits in memory whole.
/// </summary>
internal static class ContactUploadReader
{
    public const int BatchSize = 100_000;

    internal sealed record ContactJson(string? Phone, Dictionary<string, JsonElement>? Variables);

    /// <summary>Reads a CSV body; a refusal when it has no <c>phone</c> column or cannot be read.</summary>
    public static async Task<BroadcastError?> ReadCsvAsync(Stream body, Func<RecipientInput, Task> sink, CancellationToken cancellationToken)
    {
        await using var csv = CsvReader.Create(body, CsvReaderOptions.Default with { TrimWhitespace = true }, leaveOpen: true);
        try
        {
            await csv.ReadHeaderAsync(cancellationToken);
            var headers = csv.Headers.Select(h => h.Trim()).ToArray();
            var phone = Array.FindIndex(headers, h => string.Equals(h, "phone", StringComparison.OrdinalIgnoreCase));
            if (phone < 0)
            {
                return BroadcastError.Field(ErrorCodes.ValidationFailed, "phone", "the CSV needs a header row with a 'phone' column");
            }
            var variables = Enumerable.Range(0, headers.Length).Where(c => c != phone && headers[c].Length > 0).ToArray();
            if (variables.Select(c => headers[c]).Distinct(StringComparer.Ordinal).Count() > RequestLimits.MaxVariableNames)
            {
                return BroadcastError.Field(ErrorCodes.TooManyVariables, "variables",
                    $"an upload takes at most {RequestLimits.MaxVariableNames} variable columns");
            }
            var batch = new ContactBatchBuilder();
            while (await csv.ReadAsync(cancellationToken))
            {
                if (batch.Add(csv.GetString(phone), variables.Select(c => KeyValuePair.Create(headers[c], (string?)csv.GetString(c)))) is { } refused)
                {
                    return refused;
                }
                if (batch.Count == BatchSize)
                {
                    await sink(batch.Take());
                }
            }
            if (batch.Count > 0)
            {
                await sink(batch.Take());
            }
            return null;
        }
        catch (CsvFormatException e)
        {
            return BroadcastError.Field(ErrorCodes.ValidationFailed, "body", $"the CSV could not be read: {e.GetType().Name}");
        }
    }

    /// <summary>Reads a JSON array of contacts; a refusal when it is not one.</summary>
    public static async Task<BroadcastError?> ReadJsonAsync(Stream body, JsonSerializerOptions json, Func<RecipientInput, Task> sink,
        CancellationToken cancellationToken)
    {
        var batch = new ContactBatchBuilder();
        try
        {
            await foreach (var contact in JsonSerializer.DeserializeAsyncEnumerable<ContactJson>(body, json, cancellationToken))
            {
                if (contact is null)
                {
                    return BroadcastError.Field(ErrorCodes.ValidationFailed, "body", "each contact is an object {phone, variables}");
                }
                if (contact.Variables is { Count: > RequestLimits.MaxVariableNames })
                {
                    return BroadcastError.Field(ErrorCodes.TooManyVariables, "variables",
                        $"an upload takes at most {RequestLimits.MaxVariableNames} distinct variable names");
                }
                if (batch.Add(contact.Phone, (contact.Variables ?? []).Select(v => KeyValuePair.Create(v.Key, Text(v.Value)))) is { } refused)
                {
                    return refused;
                }
                if (batch.Count == BatchSize)
                {
                    await sink(batch.Take());
                }
            }
        }
        catch (JsonException e)
        {
            return new BroadcastError(ErrorCodes.InvalidJson, $"the body is not a JSON array of contacts: {e.Message}");
        }
        if (batch.Count > 0)
        {
            await sink(batch.Take());
        }
        return null;
    }

    static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
