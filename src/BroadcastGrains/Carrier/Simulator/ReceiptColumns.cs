namespace BroadcastGrains.Carrier.Simulator;

/// <summary>Turns a batch's simulated outcomes into the receipt batch the sink gets (no-receipt and blocked left out).</summary>
internal static class ReceiptColumns
{
    const string FailedError = "undeliverable";
    const string ExpiredError = "expired";

    /// <summary>The receipts of the first <paramref name="count"/> messages, or null when none of them gets one.</summary>
    public static ReceiptBatch? Build(SubmitBatch batch, SimulatedOutcome[] outcomes, int count, DateTimeOffset at)
    {
        // Count first so each column is allocated once at its exact size: the sink keeps the arrays.
        var receiptCount = 0;
        var anyError = false;
        for (var i = 0; i < count; i++)
        {
            var outcome = outcomes[i];
            receiptCount += GetsReceipt(outcome) ? 1 : 0;
            anyError |= outcome is SimulatedOutcome.Failed or SimulatedOutcome.Expired;
        }
        if (receiptCount == 0)
        {
            return null;
        }

        var indexes = new int[receiptCount];
        var statuses = new ReceiptOutcome[receiptCount];
        var errors = anyError ? new string?[receiptCount] : null;
        var next = 0;
        for (var i = 0; i < count; i++)
        {
            var outcome = outcomes[i];
            if (!GetsReceipt(outcome))
            {
                continue;
            }
            indexes[next] = batch.Indexes[i];
            (statuses[next], var error) = outcome switch
            {
                SimulatedOutcome.Failed => (ReceiptOutcome.Failed, FailedError),
                SimulatedOutcome.Expired => (ReceiptOutcome.Expired, ExpiredError),
                _ => (ReceiptOutcome.Delivered, (string?)null),
            };
            if (errors is not null)
            {
                errors[next] = error;
            }
            next++;
        }
        return new ReceiptBatch(indexes, statuses, errors, at);
    }

    static bool GetsReceipt(SimulatedOutcome outcome) =>
        outcome is SimulatedOutcome.Delivered or SimulatedOutcome.Failed or SimulatedOutcome.Expired;
}
