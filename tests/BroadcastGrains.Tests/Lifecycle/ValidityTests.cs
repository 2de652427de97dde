using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>validityMinutes: what is still unsent when it passes becomes final <c>expired</c>, free, and the broadcast completes.</summary>
[Collection(PacingCollection.Name)]
public sealed class ValidityTests(PacingFixture pacing)
{
    static readonly TimeSpan Validity = TimeSpan.FromMinutes(PacingFixture.ExpiringValidityMinutes);
    /// <summary>updatedAt is kept to the second.</summary>
    static readonly TimeSpan Resolution = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_drip_too_slow_for_its_validity_expires_the_unsent_at_no_cost_and_completes_charging_only_the_sent()
    {
        var (clientId, broadcast, _) = pacing.Expiring;
        var price = await TestNumbers.PricePerSegmentAsync(pacing.Grains, "US");

        var done = await broadcast.WaitForStatusAsync(clientId, BroadcastStatus.Completed, TimeSpan.FromMinutes(4));

        var startedAt = Assert.Single((await broadcast.GetRunsAsync(clientId))!).StartedAt!.Value;
        var recipients = await broadcast.ReadRecipientsAsync(clientId);
        var delivered = recipients.Where(r => r.Status == RecipientStatus.Delivered).ToList();
        var expired = recipients.Where(r => r.Status == RecipientStatus.Expired).ToList();
        Assert.Equal(PacingFixture.ExpiringCount, delivered.Count + expired.Count);
        // Ten a second for the validity's 60 seconds, plus the one sent at once; nothing once the validity has passed.
        var sendable = 1 + (int)(PacingFixture.ExpiringPerMinute * Validity.TotalMinutes);
        Assert.InRange(delivered.Count, sendable * 95 / 100, sendable + 2);
        Assert.All(delivered, r => Assert.True(r.UpdatedAt <= startedAt + Validity + Resolution,
            $"{r.To} was sent at {r.UpdatedAt:O}, after its validity ended at {startedAt + Validity:O}"));
        Assert.All(expired, r =>
        {
            Assert.Equal((0m, (string?)null), (r.Credits, r.CarrierMessageId));
            Assert.True(r.UpdatedAt >= startedAt + Validity - Resolution, $"{r.To} expired at {r.UpdatedAt:O}, before its validity ended");
        });

        Assert.Equal((delivered.Count, expired.Count), ((int)done.DrSummary.Delivered, (int)done.DrSummary.Expired));
        Assert.Equal(done.RecipientCount, done.DrSummary.Total());
        Assert.Equal((delivered.Count * price, 0m, 0m), (done.SpentCredits, done.HeldCredits, done.RefundedCredits));
        var wallet = await pacing.Grains.GetGrain<IWalletGrain>(clientId).GetAsync();
        Assert.Equal((PacingFixture.OpeningBalance - (delivered.Count * price), 0m), (wallet.Balance, wallet.Held));
    }
}
