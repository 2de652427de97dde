using BroadcastGrains.PhoneNumbers;

namespace BroadcastGrains.Tests.Scheduling;

/// <summary>A number's local zones: its country's one zone, or its area's from libphonenumber, or the country's list.</summary>
public class RecipientZonesTests
{
    static readonly RecipientZones Zones = RecipientZones.Shared;

    [Theory]
    [InlineData(12122341000L, "US", "America/New_York")]
    [InlineData(13122341000L, "US", "America/Chicago")]
    [InlineData(13032341000L, "US", "America/Denver")]
    [InlineData(12132341000L, "US", "America/Los_Angeles")]
    [InlineData(256712345678L, "UG", "Africa/Kampala")]
    [InlineData(447400123456L, "GB", "Europe/London")]
    public void A_number_takes_its_area_or_country_zone(long number, string region, string zone)
    {
        Assert.Equal(zone, Zones.KeyOf(number, region));
    }

    [Fact]
    public void A_country_with_one_zone_needs_no_lookup_per_number_and_one_with_several_does()
    {
        Assert.True(Zones.HasOneZone("UG"));
        Assert.False(Zones.HasOneZone("US"));
    }

    [Fact]
    public void Without_area_data_every_zone_the_database_lists_for_the_country_is_a_candidate()
    {
        var table = CountryZoneTable.Parse(["# comment", "XA\t+0000+00000\tEurope/Paris", "XA\t+0000+00000\tAmerica/Chicago"]);
        var zones = new RecipientZones(table);

        // libphonenumber knows no region XA, so it has no area for the number: the table's two zones remain.
        Assert.Equal("America/Chicago|Europe/Paris", zones.KeyOf(99912345L, "XA"));
    }
}
