using System.Buffers.Binary;
using System.Text;

namespace BroadcastGrains.Carrier.Smpp.Protocol;

/// <summary>
/// Builds one PDU: reserve the header, append body fields in the spec's order, then <see cref="ToArray"/> fills in the
/// length. C-Octet Strings are ASCII with a terminating NUL, checked against the field's maximum size (terminator
/// included) so an oversized value fails here rather than being rejected by the SMSC.
/// </summary>
internal sealed class PduWriter
{
    byte[] _buffer;
    int _length;
    readonly uint _commandId;
    readonly uint _status;
    readonly uint _sequence;

    public PduWriter(SmppCommand command, uint sequence, uint status = SmppStatus.Ok, int capacity = 64)
    {
        _buffer = new byte[Math.Max(capacity, PduHeader.Size)];
        _length = PduHeader.Size;
        _commandId = (uint)command;
        _status = status;
        _sequence = sequence;
    }

    public PduWriter Byte(byte value)
    {
        Ensure(1)[0] = value;
        _length += 1;
        return this;
    }

    public PduWriter UInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(Ensure(2), value);
        _length += 2;
        return this;
    }

    /// <summary>A C-Octet String of at most <paramref name="maxSize"/> octets, its NUL included.</summary>
    public PduWriter CString(string value, int maxSize)
    {
        ArgumentNullException.ThrowIfNull(value);
        var count = Encoding.ASCII.GetByteCount(value);
        if (count + 1 > maxSize)
        {
            throw new ArgumentException($"'{value}' is longer than the field's {maxSize - 1} characters.", nameof(value));
        }
        var span = Ensure(count + 1);
        Encoding.ASCII.GetBytes(value, span);
        span[count] = 0;
        _length += count + 1;
        return this;
    }

    public PduWriter Octets(ReadOnlySpan<byte> value)
    {
        value.CopyTo(Ensure(value.Length));
        _length += value.Length;
        return this;
    }

    /// <summary>A TLV: tag, length, value.</summary>
    public PduWriter Tlv(ushort tag, ReadOnlySpan<byte> value)
    {
        UInt16(tag);
        UInt16(checked((ushort)value.Length));
        return Octets(value);
    }

    public byte[] ToArray()
    {
        var pdu = _buffer.AsSpan(0, _length).ToArray();
        new PduHeader((uint)_length, _commandId, _status, _sequence).Write(pdu);
        return pdu;
    }

    Span<byte> Ensure(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }
        return _buffer.AsSpan(_length, count);
    }
}
