using System.Net;

namespace BroadcastGrains.Carrier.Http;

/// <summary>
/// A form body that records whether it was written to the connection. A request that failed before its body was written
/// never reached the carrier and may be tried again; one that failed after may have been taken and must not.
/// </summary>
internal sealed class WrittenFlagContent : HttpContent
{
    readonly FormUrlEncodedContent _form;

    public WrittenFlagContent(IEnumerable<KeyValuePair<string, string>> fields)
    {
        _form = new FormUrlEncodedContent(fields);
        Headers.ContentType = _form.Headers.ContentType;
    }

    public bool Written { get; private set; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        Written = true;
        await _form.CopyToAsync(stream);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        Written = true;
        await _form.CopyToAsync(stream, cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _form.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _form.Dispose();
        }
        base.Dispose(disposing);
    }
}
