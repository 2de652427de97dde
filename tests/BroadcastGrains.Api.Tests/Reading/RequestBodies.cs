using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using BroadcastGrains.Silo.Api.Broadcasts.Reading;

namespace BroadcastGrains.Api.Tests.Reading;

/// <summary>
/// Feeds bodies to <see cref="CreateBroadcastRequestReader"/> the way Kestrel does: through a pipe, either in
/// ordinary 4 KB segments or in 16-byte ones so that tokens, escapes and numbers straddle segment boundaries.
/// </summary>
internal static class RequestBodies
{
    public static Task<ReadResult<CreateBroadcastRequest>> ReadAsync(string json, bool segmented = false) =>
        ReadAsync(Encoding.UTF8.GetBytes(json), segmented);

    public static async Task<ReadResult<CreateBroadcastRequest>> ReadAsync(byte[] body, bool segmented = false)
    {
        var options = segmented ? new StreamPipeReaderOptions(bufferSize: 16, minimumReadSize: 16) : null;
        var pipe = PipeReader.Create(new MemoryStream(body), options);
        try
        {
            return await CreateBroadcastRequestReader.ReadAsync(pipe, CancellationToken.None);
        }
        finally
        {
            await pipe.CompleteAsync();
        }
    }

    /// <summary>Reads a body both ways and checks that segmenting changed nothing an error would show.</summary>
    public static async Task<ReadResult<CreateBroadcastRequest>> ReadBothWaysAsync(string json)
    {
        var whole = await ReadAsync(json, segmented: false);
        var pieces = await ReadAsync(json, segmented: true);
        Assert.Equal(whole.Error?.Code, pieces.Error?.Code);
        Assert.Equal(whole.Error?.Detail, pieces.Error?.Detail);
        Assert.Equal(whole.Error?.Errors?.Keys.Order(), pieces.Error?.Errors?.Keys.Order());
        return pieces;
    }

    /// <summary>A read expected to succeed: its request.</summary>
    public static CreateBroadcastRequest Succeeded(this ReadResult<CreateBroadcastRequest> result)
    {
        Assert.True(result.Succeeded, result.Error?.Detail);
        return result.Value;
    }

    /// <summary>
    /// The benchmark's shape: <paramref name="count"/> distinct E.164 strings, written straight as bytes because a
    /// 30 MB string would only test the test.
    /// </summary>
    public static byte[] WithRecipients(int count)
    {
        var body = new MemoryStream((count * 16) + 64);
        body.Write("""{"name":"x","from":"y","body":"z","recipients":["""u8);
        Span<byte> number = stackalloc byte[24];
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                body.WriteByte((byte)',');
            }
            "\"+1"u8.CopyTo(number);
            NumberAt(i).TryFormat(number[3..], out var written, "D10", CultureInfo.InvariantCulture);
            number[3 + written] = (byte)'"';
            body.Write(number[..(4 + written)]);
        }
        body.Write("]}"u8);
        return body.ToArray();
    }

    /// <summary>The national part of the <paramref name="index"/>th number of <see cref="WithRecipients"/>.</summary>
    public static long NumberAt(int index) => 4_150_000_000L + index;
}
