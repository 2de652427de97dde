namespace BroadcastGrains.Carrier.Smpp.Protocol;

/// <summary>
/// The body of a submit_sm or a deliver_sm: the two share their mandatory fields (SMPP 3.4 sections 4.4.1 and 4.6.1);
/// in a deliver_sm the time fields and replace_if_present are unused and sent empty or zero.
/// </summary>
internal sealed record ShortMessagePdu
{
    public const int MaxShortMessage = 254;

    public string ServiceType { get; init; } = "";
    public byte SourceTon { get; init; }
    public byte SourceNpi { get; init; }
    public string Source { get; init; } = "";
    public byte DestinationTon { get; init; }
    public byte DestinationNpi { get; init; }
    public string Destination { get; init; } = "";
    public byte EsmClass { get; init; }
    public byte ProtocolId { get; init; }
    public byte PriorityFlag { get; init; }
    public string ScheduleDeliveryTime { get; init; } = "";
    public string ValidityPeriod { get; init; } = "";
    public byte RegisteredDelivery { get; init; }
    public byte ReplaceIfPresent { get; init; }
    public byte DataCoding { get; init; }
    public byte DefaultMessageId { get; init; }
    public byte[] ShortMessage { get; init; } = [];
    public IReadOnlyList<Tlv> Tlvs { get; init; } = [];

    /// <summary>The PDU with this body under <paramref name="command"/>.</summary>
    public byte[] Encode(SmppCommand command, uint sequence)
    {
        if (ShortMessage.Length > MaxShortMessage)
        {
            throw new ArgumentException($"short_message holds at most {MaxShortMessage} octets, not {ShortMessage.Length}.");
        }
        var writer = new PduWriter(command, sequence, capacity: PduHeader.Size + 64 + ShortMessage.Length)
            .CString(ServiceType, 6)
            .Byte(SourceTon).Byte(SourceNpi).CString(Source, 21)
            .Byte(DestinationTon).Byte(DestinationNpi).CString(Destination, 21)
            .Byte(EsmClass).Byte(ProtocolId).Byte(PriorityFlag)
            .CString(ScheduleDeliveryTime, 17).CString(ValidityPeriod, 17)
            .Byte(RegisteredDelivery).Byte(ReplaceIfPresent).Byte(DataCoding).Byte(DefaultMessageId)
            .Byte((byte)ShortMessage.Length).Octets(ShortMessage);
        foreach (var tlv in Tlvs)
        {
            writer.Tlv(tlv.Tag, tlv.Value);
        }
        return writer.ToArray();
    }

    /// <summary>Reads a submit_sm or deliver_sm body (the header excluded).</summary>
    public static ShortMessagePdu Decode(ReadOnlySpan<byte> body)
    {
        var reader = new PduReader(body);
        return new ShortMessagePdu
        {
            ServiceType = reader.CString(6),
            SourceTon = reader.Byte(),
            SourceNpi = reader.Byte(),
            Source = reader.CString(21),
            DestinationTon = reader.Byte(),
            DestinationNpi = reader.Byte(),
            Destination = reader.CString(21),
            EsmClass = reader.Byte(),
            ProtocolId = reader.Byte(),
            PriorityFlag = reader.Byte(),
            ScheduleDeliveryTime = reader.CString(17),
            ValidityPeriod = reader.CString(17),
            RegisteredDelivery = reader.Byte(),
            ReplaceIfPresent = reader.Byte(),
            DataCoding = reader.Byte(),
            DefaultMessageId = reader.Byte(),
            ShortMessage = reader.Octets(reader.Byte()).ToArray(),
            Tlvs = reader.Tlvs(),
        };
    }

    /// <summary>The first TLV with <paramref name="tag"/>, if any.</summary>
    public Tlv? Find(ushort tag)
    {
        foreach (var tlv in Tlvs)
        {
            if (tlv.Tag == tag)
            {
                return tlv;
            }
        }
        return null;
    }
}
