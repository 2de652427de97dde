using System.Buffers;
using System.Text;
using BroadcastGrains.Carrier.Smpp.Link;
using BroadcastGrains.Carrier.Smpp.Protocol;

namespace BroadcastGrains.Smpp.Tests.Protocol;

public sealed class PduCodecTests
{
    [Fact]
    public void Bind_transceiver_is_encoded_as_the_spec_lays_it_out()
    {
        var pdu = Pdus.BindTransceiver(7, "esme", "pw", "");

        var expected = Convert.FromHexString(
            "0000001D" + "00000009" + "00000000" + "00000007" + // length 29, bind_transceiver, ok, sequence 7
            "65736D6500" + "707700" + "00" + // system_id, password, system_type
            "34" + "00" + "00" + "00"); // interface_version 3.4, addr_ton, addr_npi, address_range
        Assert.Equal(expected, pdu);
    }

    [Fact]
    public void A_submit_sm_reads_back_field_for_field()
    {
        var message = new ShortMessagePdu
        {
            SourceTon = 5, Source = "MyShop", DestinationTon = 1, DestinationNpi = 1, Destination = "447700900123",
            EsmClass = 0x40, RegisteredDelivery = 1, DataCoding = 8, ShortMessage = [0x05, 0x00, 0x03, 0x01, 0x02, 0x01, 0x04, 0x1F],
        };

        var pdu = message.Encode(SmppCommand.SubmitSm, 99);

        Assert.True(PduHeader.TryRead(pdu, out var header));
        Assert.Equal((uint)pdu.Length, header.Length);
        Assert.Equal(SmppCommand.SubmitSm, header.Command);
        Assert.Equal(99u, header.Sequence);
        Assert.Equivalent(message, ShortMessagePdu.Decode(pdu.AsSpan(PduHeader.Size)));
    }

    [Fact]
    public void A_field_longer_than_the_spec_allows_is_refused_before_it_reaches_the_smsc()
    {
        var message = new ShortMessagePdu { Source = "ThisSenderIsWayTooLongForSmpp" };

        Assert.Throws<ArgumentException>(() => message.Encode(SmppCommand.SubmitSm, 1));
    }

    [Fact]
    public void A_truncated_body_is_a_protocol_error_not_a_crash()
    {
        var pdu = new ShortMessagePdu { Destination = "447700900123", ShortMessage = [1, 2, 3] }.Encode(SmppCommand.DeliverSm, 1);

        Assert.Throws<SmppProtocolException>(() => ShortMessagePdu.Decode(pdu.AsSpan(PduHeader.Size, pdu.Length - PduHeader.Size - 2)));
    }

    [Fact]
    public void Pdus_are_cut_from_a_stream_whatever_the_chunks_they_arrive_in()
    {
        var first = Pdus.Empty(SmppCommand.EnquireLink, 1);
        var second = Pdus.ResponseWithId(SmppCommand.SubmitSmResp, 2, SmppStatus.Ok, "abc123");
        var bytes = first.Concat(second).ToArray();
        var stream = Chunked(bytes, 5);

        Assert.True(PduFraming.TryTake(ref stream, out var one, out _));
        Assert.True(PduFraming.TryTake(ref stream, out var two, out var body));
        Assert.False(PduFraming.TryTake(ref stream, out _, out _));

        Assert.Equal(SmppCommand.EnquireLink, one.Command);
        Assert.Equal(SmppCommand.SubmitSmResp, two.Command);
        Assert.Equal("abc123", Pdus.ReadId(body));
    }

    [Fact]
    public void A_length_no_pdu_can_have_means_the_stream_is_out_of_step()
    {
        var stream = new ReadOnlySequence<byte>(Convert.FromHexString("FFFFFFFF000000040000000000000001"));

        Assert.Throws<SmppProtocolException>(() => PduFraming.TryTake(ref stream, out _, out _));
    }

    [Fact]
    public void A_rejected_response_has_no_body()
    {
        var pdu = Pdus.ResponseWithId(SmppCommand.SubmitSmResp, 3, SmppStatus.Throttled, "ignored");

        Assert.Equal(PduHeader.Size, pdu.Length);
        Assert.True(PduHeader.TryRead(pdu, out var header));
        Assert.Equal(SmppStatus.Throttled, header.Status);
        Assert.Equal("ESME_RTHROTTLED", SmppStatus.Name(header.Status));
    }

    [Fact]
    public void Tlvs_follow_the_mandatory_fields()
    {
        var message = new ShortMessagePdu
        {
            EsmClass = 4, ShortMessage = Encoding.ASCII.GetBytes("id:1"),
            Tlvs = [Tlv.OfCString(Tlv.ReceiptedMessageId, "ab12"), new Tlv(Tlv.MessageStateTag, [2])],
        };

        var read = ShortMessagePdu.Decode(message.Encode(SmppCommand.DeliverSm, 1).AsSpan(PduHeader.Size));

        Assert.Equal("ab12", read.Find(Tlv.ReceiptedMessageId)?.AsCString());
        Assert.Equal([2], read.Find(Tlv.MessageStateTag)?.Value);
    }

    static ReadOnlySequence<byte> Chunked(byte[] bytes, int size)
    {
        Segment? first = null, last = null;
        for (var at = 0; at < bytes.Length; at += size)
        {
            var chunk = bytes.AsMemory(at, Math.Min(size, bytes.Length - at));
            last = last is null ? first = new Segment(chunk, 0) : last.Append(chunk);
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
