using BroadcastGrains.Silo.Auth;

namespace BroadcastGrains.Api.Tests.Auth;

/// <summary>Issue 20 item 4: a key gives a key it makes only scopes it has itself.</summary>
public sealed class ScopeGrantTests
{
    [Fact]
    public void A_key_may_give_a_subset_of_its_scopes_but_nothing_beyond()
    {
        string[] caller = ["keys:write", "sms:read"];

        Assert.Empty(ScopeGrant.Beyond(caller, ["sms:read"]));
        Assert.Equal(["sms:send", "*"], ScopeGrant.Beyond(caller, ["sms:read", "sms:send", "*", "sms:send"]));
    }

    [Fact]
    public void A_star_key_may_give_anything_including_star()
    {
        Assert.Empty(ScopeGrant.Beyond(["*"], ["*", "sms:send", "keys:write"]));
    }
}
