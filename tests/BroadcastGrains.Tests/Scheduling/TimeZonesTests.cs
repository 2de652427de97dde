using BroadcastGrains.Scheduling;

namespace BroadcastGrains.Tests.Scheduling;

public class TimeZonesTests
{
    [Theory]
    [InlineData("UTC")]
    [InlineData("America/New_York")]
    [InlineData("Europe/Berlin")]
    [InlineData("Africa/Kampala")]
    [InlineData("Asia/Kolkata")]
    public void Iana_zones_are_known(string id)
    {
        Assert.True(TimeZones.IsKnown(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Eastern Standard Time")]
    [InlineData("../zoneinfo/UTC")]
    [InlineData("+02:00")]
    public void Unknown_ids_and_windows_ids_are_not(string? id)
    {
        Assert.False(TimeZones.IsKnown(id));
    }
}
