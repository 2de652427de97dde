using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Broadcasts;

/// <summary>What <see cref="ApprovalRule.StatusAfterPatch"/> weighs: the estimate before and after, and what changed.</summary>
/// <param name="Thresholds">The client's approval thresholds now (the operator may have changed them since create).</param>
/// <param name="MessageChanged">The PATCH gave a <c>body</c> or <c>from</c> other than the stored one.</param>
/// <param name="Approved">An approver signed this broadcast off (<c>approvedAt</c> set).</param>
internal sealed record PatchApprovalFacts(
    ApprovalThresholds? Thresholds,
    long RecipientsBefore,
    decimal CreditsBefore,
    long RecipientsAfter,
    decimal CreditsAfter,
    bool MessageChanged,
    bool Approved);
