using System.Buffers;
using BroadcastGrains.Carrier.Smpp.Protocol;

namespace BroadcastGrains.Carrier.Smpp.Link;

/// <summary>
/// Cuts whole PDUs off the front of a byte stream. SMPP frames by the command_length in each header, so a length that
/// no sane PDU has means the stream is out of step, and the only safe answer is to drop the connection.
/// </summary>
internal static class PduFraming
{
    /// <summary>Takes one PDU off <paramref name="buffer"/>; false when a whole one has not arrived yet.</summary>
    public static bool TryTake(ref ReadOnlySequence<byte> buffer, out PduHeader header, out byte[] body)
    {
        header = default;
        body = [];
        if (buffer.Length < PduHeader.Size)
        {
            return false;
        }
        Span<byte> head = stackalloc byte[PduHeader.Size];
        buffer.Slice(0, PduHeader.Size).CopyTo(head);
        PduHeader.TryRead(head, out header);
        if (!PduHeader.IsPlausibleLength(header.Length))
        {
            throw new SmppProtocolException($"A PDU claims {header.Length} octets: the stream is out of step.");
        }
        if (buffer.Length < header.Length)
        {
            return false;
        }
        body = buffer.Slice(PduHeader.Size, header.BodyLength).ToArray();
        buffer = buffer.Slice(header.Length);
        return true;
    }
}
