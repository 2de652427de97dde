using BroadcastGrains.Carrier;
using BroadcastGrains.Pricing;

namespace BroadcastGrains.Smpp.Tests.Link;

[Collection(LinkCollection.Name)]
public sealed class LongMessageTests(LinkFixture fixture)
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    // 400 GSM-7 characters with extension characters ({, }, €) near the part boundaries: 3 parts of at most 153 septets.
    static readonly string ThreePartGsm = string.Concat(Enumerable.Repeat("Big sale {today} only: 20€ off every order! ", 10))[..400];

    // 131 UCS-2 code units (Cyrillic and emoji); a surrogate pair sits on units 66–67, so the first part stops at 66.
    static readonly string TwoPartUcs2 = "Скидка!!!! " + string.Concat(Enumerable.Repeat("Привет 👋 скидки до 50% ", 5));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_three_part_gsm7_message_arrives_as_concatenated_parts_that_read_back_as_the_text(bool packed)
    {
        Assert.Equal(3, SegmentCounter.Count(ThreePartGsm).Segments);
        await using var link = CarrierUnderTest.Create(fixture, o => o.GsmPacked = packed);
        await fixture.Smsc.Control.ConfigureAsync(link.SystemId, new Dictionary<string, object> { ["gsmPacked"] = packed });

        var results = await link.SubmitUntilSettledAsync(CarrierUnderTest.Batch("bc_long/0", [447_700_500_015], ThreePartGsm), Deadline);

        Assert.Equal(SubmitStatus.Accepted, results[0].Status);
        var message = Assert.Single(await fixture.Smsc.Control.MessagesAsync(link.SystemId, "447700500015"));
        Assert.Equal(3, message.Parts);
        Assert.Equal(ThreePartGsm, message.Text);
        Assert.Equal(0, message.DataCoding);
        Assert.Equal(0x40, message.EsmClass & 0x40);
        Assert.Equal(3, (await fixture.Smsc.Control.StatsAsync(link.SystemId)).Accepted);
    }

    [Fact]
    public async Task A_two_part_ucs2_message_arrives_as_concatenated_parts_that_read_back_as_the_text()
    {
        Assert.Equal(2, SegmentCounter.Count(TwoPartUcs2).Segments);
        await using var link = CarrierUnderTest.Create(fixture);

        await link.SubmitUntilSettledAsync(CarrierUnderTest.Batch("bc_ucs2/0", [447_700_500_025], TwoPartUcs2), Deadline);

        var message = Assert.Single(await fixture.Smsc.Control.MessagesAsync(link.SystemId, "447700500025"));
        Assert.Equal(2, message.Parts);
        Assert.Equal(8, message.DataCoding);
        Assert.Equal(TwoPartUcs2, message.Text);
    }

    [Fact]
    public async Task A_long_message_gives_its_recipient_one_outcome_from_all_its_parts()
    {
        await using var link = CarrierUnderTest.Create(fixture);
        // Every part to …0001 fails at the test SMSC; every part to …0035 is delivered.
        long[] numbers = [447_700_500_035, 447_700_500_001];

        var results = await link.SubmitUntilSettledAsync(CarrierUnderTest.Batch("bc_one/2", numbers, ThreePartGsm), Deadline);

        await Eventually.ReadAsync(() => link.Receipts.Count, n => n >= 2, Deadline, "one outcome per recipient");
        var stats = await Eventually.ReadAsync(() => fixture.Smsc.Control.StatsAsync(link.SystemId),
            s => s.ReceiptsAcked == 6, Deadline, "the SMSC's six part receipts answered");
        Assert.Equal(6, stats.Accepted);
        var outcomes = link.Receipts.OutcomesOf("bc_one/2");
        Assert.Equal(2, outcomes.Count);
        Assert.Equal(ReceiptOutcome.Delivered, outcomes[0]);
        Assert.Equal(ReceiptOutcome.Failed, outcomes[1]);
        Assert.All(results, r => Assert.False(string.IsNullOrEmpty(r.CarrierMessageId)));
    }
}
