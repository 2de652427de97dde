using BroadcastGrains.Carrier.Simulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Tests.Carrier;

public class SimulatorOptionsTests
{
    static SimulatorOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"Broadcast:Simulator:{s.Key}", (string?)s.Value)))
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName).ValidateDataAnnotations()
            .Services
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<SimulatorOptions>>().Value;
    }

    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = Bind();

        Assert.Equal(
            (0, 100, 0, 0, 0, 200, 1L, false),
            (options.MessagesPerSecond, options.DeliveredPercent, options.FailedPercent, options.ExpiredPercent,
                options.NoReceiptPercent, options.ReceiptDelayMs, options.Seed, options.TrackSubmissions));
    }

    [Fact]
    public void A_failure_share_alone_is_valid_because_the_rest_is_delivered()
    {
        var options = Bind(("FailedPercent", "20"), ("MessagesPerSecond", "500"), ("Seed", "9"));

        Assert.Equal((20, 100, 500, 9L), (options.FailedPercent, options.DeliveredPercent, options.MessagesPerSecond, options.Seed));
    }

    [Theory]
    [InlineData("FailedPercent", "101")]
    [InlineData("NoReceiptPercent", "-1")]
    [InlineData("MessagesPerSecond", "-5")]
    [InlineData("ReceiptDelayMs", "-1")]
    public void Out_of_range_settings_are_refused(string key, string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind((key, value)));

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shares_that_add_up_past_100_are_refused()
    {
        var failure = Assert.Throws<OptionsValidationException>(
            () => Bind(("FailedPercent", "60"), ("ExpiredPercent", "30"), ("NoReceiptPercent", "20")));

        Assert.Contains("must not exceed 100", failure.Message, StringComparison.Ordinal);
    }
}
