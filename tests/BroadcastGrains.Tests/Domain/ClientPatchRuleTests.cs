using BroadcastGrains.Catalogue;

namespace BroadcastGrains.Tests.Domain;

/// <summary>Issue 20 item 5: a client patch changes the fields it gives and nothing else.</summary>
public sealed class ClientPatchRuleTests
{
    static readonly ClientProfile Profile = new()
    {
        Id = "cl_1", Name = "Shop", RateLimit = new RateLimit(100, 60), DailyQuota = 500, WebhookUrl = "https://hooks.example/a",
        WebhookSecret = "s3cret", WebhookEvents = ["broadcast.failed"], RefundFailed = true, CreditLimit = 50, LowBalanceAlert = 10,
    };

    [Fact]
    public void An_empty_patch_changes_nothing()
    {
        Assert.Same(Profile.WebhookEvents, ClientPatchRule.Apply(Profile, new ClientPatch()).WebhookEvents);
        Assert.Equal(Profile, ClientPatchRule.Apply(Profile, new ClientPatch()));
    }

    [Fact]
    public void A_patch_changes_only_the_fields_it_gives()
    {
        var after = ClientPatchRule.Apply(Profile, new ClientPatch { RateLimit = new(new RateLimit(3, 60)), CreditLimit = new(0m) });

        Assert.Equal(Profile with { RateLimit = new RateLimit(3, 60), CreditLimit = 0 }, after);
        Assert.True(ClientPatchRule.ChangesRateLimit(Profile, after));
        Assert.True(ClientPatchRule.ChangesCreditTerms(Profile, after));
        Assert.False(ClientPatchRule.ChangesWebhook(Profile, after));
    }

    [Fact]
    public void A_field_given_as_null_is_cleared_and_a_cleared_rate_limit_is_the_default()
    {
        var after = ClientPatchRule.Apply(Profile, new ClientPatch
        {
            DailyQuota = new(null), RateLimit = new(null), LowBalanceAlert = new(null), WebhookEvents = new(null),
        });

        Assert.Null(after.DailyQuota);
        Assert.Null(after.LowBalanceAlert);
        Assert.Null(after.WebhookEvents);
        Assert.Equal(RateLimit.Default, after.RateLimit);
        Assert.Equal(Profile.WebhookUrl, after.WebhookUrl);
    }

    [Fact]
    public void The_webhook_patch_sets_url_secret_and_events_only_and_counts_as_a_webhook_change()
    {
        var after = ClientPatchRule.Apply(Profile, ClientPatch.Webhook("https://hooks.example/b", null, ["broadcast.failed"]));

        Assert.Equal(Profile with { WebhookUrl = "https://hooks.example/b", WebhookSecret = null, WebhookEvents = after.WebhookEvents }, after);
        Assert.True(ClientPatchRule.ChangesWebhook(Profile, after));
        Assert.False(ClientPatchRule.ChangesWebhook(Profile, Profile with { WebhookEvents = ["broadcast.failed"] }));
    }
}
