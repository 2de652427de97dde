using BroadcastGrains.Partitions;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// The decisions of planning a create that are not the validator's: duplicates under <c>onDuplicate: reject</c>, and
/// the new broadcast's state before its partitions price it (<see cref="PlanFigures"/> adds that up).
/// </summary>
internal static class PlanningRules
{
    /// <summary>DUPLICATE_RECIPIENTS with a sample, when the policy rejects duplicates and there are some.</summary>
    public static BroadcastError? RefuseDuplicates(DuplicatePolicy policy, NormalizedRecipients recipients) =>
        policy == DuplicatePolicy.Reject && recipients.DuplicateCount > 0
            ? new BroadcastError(ErrorCodes.DuplicateRecipients,
                $"{recipients.DuplicateCount} duplicate recipients (onDuplicate is reject)",
                new Dictionary<string, string[]> { ["recipients"] = [.. recipients.DuplicateSamples] })
            : null;

    public static BroadcastState NewState(CreateBroadcastCommand command, NormalizedRecipients recipients, int partitions,
        bool refundFailed, DateTimeOffset now) => new()
    {
        ClientId = command.ClientId,
        Definition = BroadcastDefinition.Of(command),
        CreatedAt = now,
        Prepared = new PartitionProgress?[partitions],
        RecipientCount = recipients.Count,
        DuplicateCount = recipients.DuplicateCount,
        RefundFailed = refundFailed,
    };
}
