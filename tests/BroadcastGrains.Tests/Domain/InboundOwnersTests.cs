using BroadcastGrains.Inbound;

namespace BroadcastGrains.Tests.Domain;

public sealed class InboundOwnersTests
{
    [Fact]
    public void Clients_that_sent_recently_own_the_message_with_the_broadcast_it_answers()
    {
        var owners = InboundOwners.Of([("a", "bc_1"), ("b", "bc_2")], ["a", "c"]);

        Assert.Equal([("a", "bc_1"), ("b", "bc_2")], owners.Select(o => (o.ClientId, o.BroadcastId)));
    }

    [Fact]
    public void Without_recent_senders_the_approved_holders_own_it_with_no_broadcast()
    {
        var owners = InboundOwners.Of([], ["c"]);

        Assert.Equal([("c", (string?)null)], owners.Select(o => (o.ClientId, o.BroadcastId)));
    }

    [Fact]
    public void Without_either_nobody_owns_it()
    {
        Assert.Empty(InboundOwners.Of([], []));
    }
}
