using System.Text;
using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Smpp.Protocol;
using BroadcastGrains.Carrier.Smpp.Receipts;

namespace BroadcastGrains.Smpp.Tests.Protocol;

public sealed class DeliveryReceiptTests
{
    [Theory]
    [InlineData("DELIVRD", ReceiptOutcome.Delivered)]
    [InlineData("UNDELIV", ReceiptOutcome.Failed)]
    [InlineData("REJECTD", ReceiptOutcome.Failed)]
    [InlineData("UNKNOWN", ReceiptOutcome.Failed)]
    [InlineData("DELETED", ReceiptOutcome.Failed)]
    [InlineData("EXPIRED", ReceiptOutcome.Expired)]
    public void The_text_of_a_receipt_gives_the_message_id_and_outcome(string stat, ReceiptOutcome outcome)
    {
        var pdu = Receipt($"id:7f3a09 sub:001 dlvrd:001 submit date:2511231200 done date:2511231201 stat:{stat} err:000 text:Sale ends");

        Assert.True(DeliveryReceipt.TryRead(pdu, out var receipt));
        Assert.Equal("7f3a09", receipt.MessageId);
        Assert.Equal(outcome, receipt.Outcome);
    }

    [Fact]
    public void The_receipted_message_id_and_message_state_tlvs_win_over_the_text()
    {
        var pdu = Receipt("id:wrong stat:DELIVRD err:000", Tlv.OfCString(Tlv.ReceiptedMessageId, "right"), new Tlv(Tlv.MessageStateTag, [5]));

        Assert.True(DeliveryReceipt.TryRead(pdu, out var receipt));
        Assert.Equal("right", receipt.MessageId);
        Assert.Equal(ReceiptOutcome.Failed, receipt.Outcome);
    }

    [Fact]
    public void An_intermediate_state_is_no_outcome_yet()
    {
        Assert.True(DeliveryReceipt.TryRead(Receipt("id:1 stat:ENROUTE err:000"), out var receipt));

        Assert.Null(receipt.Outcome);
    }

    [Fact]
    public void A_receipt_without_an_id_is_not_read()
    {
        Assert.False(DeliveryReceipt.TryRead(Receipt("stat:DELIVRD"), out _));
    }

    [Theory]
    [InlineData(0x04, true)]
    [InlineData(0x00, false)]
    [InlineData(0x40, false)]
    [InlineData(0x08, false)]
    public void Only_esm_class_type_0x04_marks_a_delivery_receipt(byte esmClass, bool isReceipt) =>
        Assert.Equal(isReceipt, DeliveryReceipt.IsReceipt(esmClass));

    static ShortMessagePdu Receipt(string text, params Tlv[] tlvs) =>
        new() { EsmClass = 0x04, ShortMessage = Encoding.ASCII.GetBytes(text), Tlvs = tlvs };
}
