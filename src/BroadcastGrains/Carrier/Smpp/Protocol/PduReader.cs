using System.Buffers.Binary;
using System.Text;

namespace BroadcastGrains.Carrier.Smpp.Protocol;

/// <summary>
/// Reads a PDU body field by field. A field that runs past the end throws <see cref="SmppProtocolException"/>: a
/// malformed PDU is a peer's fault, answered with a generic_nack, never a crash of the link.
/// </summary>
internal ref struct PduReader(ReadOnlySpan<byte> body)
{
    readonly ReadOnlySpan<byte> _body = body;
    int _position;

    public readonly int Remaining => _body.Length - _position;

    public byte Byte()
    {
        Need(1);
        return _body[_position++];
    }

    public ushort UInt16()
    {
        Need(2);
        var value = BinaryPrimitives.ReadUInt16BigEndian(_body[_position..]);
        _position += 2;
        return value;
    }

    /// <summary>A C-Octet String of at most <paramref name="maxSize"/> octets, its NUL included.</summary>
    public string CString(int maxSize)
    {
        var rest = _body[_position..];
        var end = rest.IndexOf((byte)0);
        if (end < 0 || end + 1 > maxSize)
        {
            throw new SmppProtocolException($"A C-Octet String is unterminated or longer than {maxSize} octets.");
        }
        _position += end + 1;
        return Encoding.ASCII.GetString(rest[..end]);
    }

    public ReadOnlySpan<byte> Octets(int count)
    {
        Need(count);
        var value = _body.Slice(_position, count);
        _position += count;
        return value;
    }

    /// <summary>The TLVs that follow the mandatory fields, to the end of the body.</summary>
    public List<Tlv> Tlvs()
    {
        var tlvs = new List<Tlv>();
        while (Remaining > 0)
        {
            var tag = UInt16();
            var length = UInt16();
            tlvs.Add(new Tlv(tag, Octets(length).ToArray()));
        }
        return tlvs;
    }

    readonly void Need(int count)
    {
        if (count < 0 || _position + count > _body.Length)
        {
            throw new SmppProtocolException("A field runs past the end of the PDU.");
        }
    }
}

/// <summary>A PDU that breaks the SMPP 3.4 encoding rules: the link answers it with a generic_nack or drops the connection.</summary>
public sealed class SmppProtocolException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public SmppProtocolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SmppProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SmppProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
