using System.Buffers.Binary;

namespace BroadcastGrains.Carrier.Smpp.Protocol;

/// <summary>The 16-octet header every PDU starts with: length (header included), command id, status, sequence number.</summary>
internal readonly record struct PduHeader(uint Length, uint CommandId, uint Status, uint Sequence)
{
    /// <summary>Octets of a header.</summary>
    public const int Size = 16;

    /// <summary>
    /// The largest PDU the link accepts. A deliver_sm with a message_payload can exceed 254 octets, but nothing an SMSC
    /// sends in practice comes near this; a larger length means the stream is corrupt.
    /// </summary>
    public const int MaxLength = 64 * 1024;

    public SmppCommand Command => (SmppCommand)CommandId;

    public bool IsResponse => SmppCommands.IsResponse(CommandId);

    public int BodyLength => (int)Length - Size;

    /// <summary>Reads a header; false when fewer than <see cref="Size"/> octets are there.</summary>
    public static bool TryRead(ReadOnlySpan<byte> octets, out PduHeader header)
    {
        if (octets.Length < Size)
        {
            header = default;
            return false;
        }
        header = new PduHeader(
            BinaryPrimitives.ReadUInt32BigEndian(octets),
            BinaryPrimitives.ReadUInt32BigEndian(octets[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(octets[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(octets[12..]));
        return true;
    }

    /// <summary>True when the length is one a sane peer could send.</summary>
    public static bool IsPlausibleLength(uint length) => length is >= Size and <= MaxLength;

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], CommandId);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Status);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], Sequence);
    }
}
