using System.IO.Pipelines;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>
/// Reads the body of <c>POST /v1/broadcasts</c> (up to 256 MB, two million recipients) without copying it: the
/// pipe keeps every segment it received until the body is complete, then one parser pass runs over them in place.
/// </summary>
/// <remarks>
/// Buffering the whole body rather than parsing as it arrives keeps the parser synchronous and simple; the body
/// size limit (enforced by the host) bounds what is held, and the columns the parser builds are far smaller.
/// </remarks>
internal static class CreateBroadcastRequestReader
{
    /// <summary>
    /// Reads <paramref name="body"/> to its end and parses it. Malformed JSON, wrong field types and too many
    /// recipients come back as <see cref="ReadResult{T}.Error"/>; cancellation and transport faults throw.
    /// </summary>
    public static async Task<ReadResult<CreateBroadcastRequest>> ReadAsync(PipeReader body, CancellationToken ct,
        System.Security.Cryptography.IncrementalHash? bodyHash = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        while (true)
        {
            var read = await body.ReadAsync(ct);
            if (read.IsCanceled)
            {
                // Someone called CancelPendingRead: the request is being torn down, not refused.
                throw new OperationCanceledException("Reading the request body was cancelled.", ct);
            }
            if (read.IsCompleted)
            {
                var buffer = read.Buffer;
                try
                {
                    // The hash of the exact bytes lets an Idempotency-Key retry be told from another body.
                    foreach (var segment in buffer)
                    {
                        bodyHash?.AppendData(segment.Span);
                    }
                    return CreateBroadcastRequestParser.Parse(buffer);
                }
                finally
                {
                    body.AdvanceTo(buffer.End);
                }
            }
            // Nothing consumed, everything examined: the pipe keeps the bytes and wakes us only for new ones.
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
