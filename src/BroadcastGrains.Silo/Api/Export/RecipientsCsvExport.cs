using System.Text;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Silo.Api.Json;

namespace BroadcastGrains.Silo.Api.Export;

/// <summary>
/// <c>GET …/recipients</c> with <c>Accept: text/csv</c>: every recipient (the status filter applies, paging does not),
/// read from the partitions a page of <see cref="PageSize"/> at a time and written out before the next page is asked
/// for, so the silo holds one page however many recipients the broadcast has.
/// </summary>
internal static class RecipientsCsvExport
{
    public const string ContentType = "text/csv";

    /// <summary>The largest page the broadcast grain gives.</summary>
    const int PageSize = 1000;

    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>True when the request asks for CSV rather than the JSON page.</summary>
    public static bool IsWanted(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Streams the rows of a broadcast whose <paramref name="first"/> page was already read (so a missing broadcast is
    /// a 404 before any byte is written).
    /// </summary>
    public static async Task WriteAsync(Stream body, IBroadcastGrain broadcast, string clientId, RecipientStatus? status,
        RecipientPage first, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, Utf8, bufferSize: 64 * 1024, leaveOpen: true);
        RecipientCsvColumns.WriteHeader(writer);
        var page = first;
        while (true)
        {
            foreach (var recipient in page.Items)
            {
                RecipientCsvColumns.WriteRow(writer, RecipientJson.From(recipient));
            }
            await writer.FlushAsync(cancellationToken);
            if (page.NextCursor is not { } cursor)
            {
                break;
            }
            page = await broadcast.GetRecipientsAsync(clientId, status, cursor, PageSize)
                ?? throw new InvalidOperationException("The broadcast went away during its export.");
        }
    }

    /// <summary>The first page, read before the response starts.</summary>
    public static Task<RecipientPage?> FirstPageAsync(IBroadcastGrain broadcast, string clientId, RecipientStatus? status) =>
        broadcast.GetRecipientsAsync(clientId, status, null, PageSize);
}
