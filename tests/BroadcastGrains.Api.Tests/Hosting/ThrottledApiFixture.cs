namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>
/// A silo whose broadcasts stay <c>sending</c> long enough to act on them: the simulator takes 50 messages a second
/// in batches of 5, and never sends a receipt, so accepted messages stay <c>sent</c> for the whole (60 minute)
/// receipt window. Tests here pause, resume and cancel broadcasts mid-send without racing their completion.
/// </summary>
public sealed class ThrottledApiFixture : ApiFixture
{
    /// <summary>The simulator's cap: a 2,000-recipient broadcast needs 40 s to go out.</summary>
    public const int MessagesPerSecond = 50;

    protected override Dictionary<string, string> Settings()
    {
        var settings = base.Settings();
        settings["Broadcast:Simulator:MessagesPerSecond"] = MessagesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Broadcast:Simulator:NoReceiptPercent"] = "100";
        // Small batches keep each submit (and so each wait of a cancel or pause for the partition) short.
        settings["Broadcast:SubmitBatchSize"] = "5";
        return settings;
    }
}
