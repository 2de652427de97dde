using BroadcastGrains.Carrier;

namespace BroadcastGrains.Smpp.Tests.Link;

[Collection(LinkCollection.Name)]
public sealed class SubmitAndReceiptTests(LinkFixture fixture)
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_batch_is_accepted_with_the_smsc_message_ids_one_submit_each()
    {
        await using var link = CarrierUnderTest.Create(fixture);
        var numbers = Enumerable.Range(0, 300).Select(i => 447_700_100_000L + (i * 10) + 5).ToList();

        var results = await link.SubmitUntilSettledAsync(CarrierUnderTest.Batch("bc_ids/0", numbers, "Sale ends Sunday"), Deadline);

        Assert.All(results, r => Assert.Equal(SubmitStatus.Accepted, r.Status));
        Assert.Equal(300, results.Select(r => r.CarrierMessageId).Distinct().Count(id => !string.IsNullOrEmpty(id)));
        var stats = await fixture.Smsc.Control.StatsAsync(link.SystemId);
        Assert.Equal(300, stats.Accepted);
        Assert.Equal(0, stats.Duplicates);
    }

    [Fact]
    public async Task Receipts_reach_the_sink_with_the_partition_index_and_outcome_of_each_recipient()
    {
        await using var link = CarrierUnderTest.Create(fixture);
        // Numbers ending 0001 fail and 0003 expire at the test SMSC; the rest are delivered.
        long[] numbers = [447_700_200_011, 447_700_200_001, 447_700_200_003, 447_700_200_021];

        await link.SubmitUntilSettledAsync(CarrierUnderTest.Batch("bc_rcpt/3", numbers, "Your code is 1234", firstIndex: 40), Deadline);

        await Eventually.ReadAsync(() => link.Receipts.Count, n => n == numbers.Length, Deadline, "a receipt per message");
        var outcomes = link.Receipts.OutcomesOf("bc_rcpt/3");
        Assert.Equal(ReceiptOutcome.Delivered, outcomes[40]);
        Assert.Equal(ReceiptOutcome.Failed, outcomes[41]);
        Assert.Equal(ReceiptOutcome.Expired, outcomes[42]);
        Assert.Equal(ReceiptOutcome.Delivered, outcomes[43]);
    }

    [Fact]
    public async Task A_number_the_smsc_refuses_is_rejected_and_never_retried()
    {
        await using var link = CarrierUnderTest.Create(fixture);

        var results = await link.SubmitUntilSettledAsync(
            CarrierUnderTest.Batch("bc_rej/0", [447_700_300_002, 447_700_300_012], "Hello"), Deadline);

        Assert.Equal(SubmitStatus.Rejected, results[0].Status);
        Assert.Equal("ESME_RINVDSTADR", results[0].Error);
        Assert.Equal(SubmitStatus.Accepted, results[1].Status);
        var stats = await fixture.Smsc.Control.StatsAsync(link.SystemId);
        Assert.Equal(1, stats.Rejected);
        Assert.Equal(2, stats.SubmitPdus);
    }

    [Fact]
    public async Task A_receipt_that_arrives_before_its_submit_response_is_matched_not_lost()
    {
        await using var link = CarrierUnderTest.Create(fixture);
        await fixture.Smsc.Control.ConfigureAsync(link.SystemId, new Dictionary<string, object> { ["receiptBeforeResponse"] = true });
        var numbers = Enumerable.Range(0, 50).Select(i => 447_700_400_000L + (i * 10) + 7).ToList();

        await link.SubmitUntilSettledAsync(CarrierUnderTest.Batch("bc_early/1", numbers, "Early bird"), Deadline);

        await Eventually.ReadAsync(() => link.Receipts.Count, n => n == numbers.Count, Deadline, "a receipt per message");
        Assert.All(link.Receipts.OutcomesOf("bc_early/1").Values, o => Assert.Equal(ReceiptOutcome.Delivered, o));
        Assert.Equal(0, link.Carrier.ReceiptsUnmatched);
    }

    [Fact]
    public async Task Receipts_a_partition_could_not_take_are_delivered_again_once_each()
    {
        await using var link = CarrierUnderTest.Create(fixture);
        link.Receipts.FailNext(3);
        var numbers = Enumerable.Range(0, 30).Select(i => 447_700_450_000L + (i * 10) + 8).ToList();

        await link.SubmitUntilSettledAsync(CarrierUnderTest.Batch("bc_flaky/0", numbers, "Try again"), Deadline);

        var outcomes = await Eventually.ReadAsync(() => link.Receipts.OutcomesOf("bc_flaky/0"), o => o.Count == 30, Deadline, "30 outcomes");
        Assert.All(outcomes.Values, o => Assert.Equal(ReceiptOutcome.Delivered, o));
    }
}
