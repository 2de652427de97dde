namespace BroadcastGrains.Smpp.Tests.Link;

[Collection(LinkCollection.Name)]
public sealed class InboundTests(LinkFixture fixture)
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("STOP", "MyShop")]
    [InlineData("Merci beaucoup ❤️", "+14155550100")]
    public async Task A_message_from_a_handset_reaches_the_inbound_sink_with_sender_recipient_and_text(string text, string to)
    {
        await using var link = CarrierUnderTest.Create(fixture);
        await Eventually.ReadAsync(() => link.Carrier.Health.BoundCount, n => n == 1, Deadline, "a bound bind");

        Assert.True(await fixture.Smsc.Control.InboundAsync(link.SystemId, "+447700900123", to, text));

        var message = await Eventually.ReadAsync(() => link.Inbound.Messages, m => m.Count == 1, Deadline, "the inbound message");
        Assert.Equal(447_700_900_123L, message[0].From);
        Assert.Equal(to, message[0].To);
        Assert.Equal(text, message[0].Text);
        await Eventually.ReadAsync(() => fixture.Smsc.Control.StatsAsync(link.SystemId), s => s.InboundAcked == 1, Deadline,
            "the deliver_sm answered");
    }
}
