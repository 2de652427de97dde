using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Broadcasts;

/// <summary>
/// API.md's approval rules: a broadcast strictly above either of the client's thresholds needs approval at create, and
/// a PATCH sends it back for approval when the change moves its estimate above them, or changes what an approver read
/// (<c>body</c>, <c>from</c>) after an approval.
/// </summary>
internal static class ApprovalRule
{
    /// <summary>Strictly above either threshold; a threshold not given never asks for approval.</summary>
    public static bool IsAbove(ApprovalThresholds? thresholds, long recipients, decimal credits) =>
        thresholds is not null
        && (recipients > thresholds.Recipients || credits > thresholds.Credits);

    /// <summary>
    /// The status after a PATCH. <paramref name="current"/> is <c>draft</c>, <c>scheduled</c> or <c>pending_approval</c>;
    /// <paramref name="onSchedule"/> is where the changed schedule puts a broadcast that needs no approval. A pending
    /// broadcast stays pending whatever changed: only an approver moves it on.
    /// </summary>
    public static BroadcastStatus StatusAfterPatch(PatchApprovalFacts facts, BroadcastStatus current, BroadcastStatus onSchedule)
    {
        if (current == BroadcastStatus.PendingApproval)
        {
            return BroadcastStatus.PendingApproval;
        }
        var movedAbove = !IsAbove(facts.Thresholds, facts.RecipientsBefore, facts.CreditsBefore)
            && IsAbove(facts.Thresholds, facts.RecipientsAfter, facts.CreditsAfter);
        var approvedMessageChanged = facts.Approved && facts.MessageChanged;
        return movedAbove || approvedMessageChanged ? BroadcastStatus.PendingApproval : onSchedule;
    }
}
