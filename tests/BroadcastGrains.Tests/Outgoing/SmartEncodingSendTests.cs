using BroadcastGrains.Broadcasts;
using BroadcastGrains.Tests.Cluster;

namespace BroadcastGrains.Tests.Outgoing;

/// <summary>
/// <c>smartEncoding</c> end to end: the broadcast is priced as GSM-7 and the carrier gets the plain characters, while the
/// stored body keeps what the client wrote. Without it the same text is three UCS-2 parts.
/// </summary>
[Collection(RecordingRouterCollection.Name)]
public sealed class SmartEncodingSendTests(RecordingRouterFixture cluster)
{
    static readonly string Pasted = "It\u2019s" + new string('a', 146) + " {{n}}";

    [Theory]
    [InlineData(true, "GSM7", 1, "It's")]
    [InlineData(false, "UCS2", 3, "It\u2019s")]
    public async Task Look_alikes_are_priced_and_sent_as_gsm7_only_with_smart_encoding(bool smart, string encoding,
        int segments, string sentStart)
    {
        var clientId = await TestClients.CreateAsync(cluster.Grains, 100m);
        var numbers = Enumerable.Range(0, 3).Select(i => TestNumbers.Us(i + (smart ? 100 : 200))).ToArray();
        // A variable makes every message rendered on its own, the path a personalised body takes.
        var variables = new VariableTableBuilder();
        for (var i = 0; i < numbers.Length; i++)
        {
            variables.Add(variables.NameIndex("n"), "x");
            variables.EndRow(i);
        }
        var recipients = RecipientInput.FromStrings(numbers) with { Variables = variables.Build() };
        var command = BroadcastKit.Command(clientId, recipients, Pasted) with { SmartEncoding = smart };
        var broadcast = cluster.Grains.GetGrain<IBroadcastGrain>(BroadcastIds.New());

        await broadcast.CreateAsync(command);
        var view = await broadcast.WaitUntilAsync(clientId, v => v.DrSummary.Sent == numbers.Length, "every message sent");

        Assert.Equal((encoding, segments, smart), (view.Encoding, view.SegmentsPerMessage, view.SmartEncoding));
        Assert.Equal(Pasted, view.Body);
        foreach (var number in numbers)
        {
            var sent = cluster.Router.SentTexts[long.Parse(number[1..], System.Globalization.CultureInfo.InvariantCulture)];
            Assert.StartsWith(sentStart, sent, StringComparison.Ordinal);
            Assert.EndsWith(" x", sent, StringComparison.Ordinal);
        }
    }
}
