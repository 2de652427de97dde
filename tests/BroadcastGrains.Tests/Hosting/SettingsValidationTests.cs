using BroadcastGrains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Tests.Hosting;

public sealed class SettingsValidationTests
{
    [Fact]
    public void A_value_out_of_range_is_named_by_its_key_and_its_environment_variable()
    {
        var validation = new SettingsValidation<BroadcastOptions>(BroadcastOptions.Section);

        var result = validation.Validate(null, new BroadcastOptions { ReceiptWindowMinutes = 0, PartitionSize = 5 });

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Broadcast:ReceiptWindowMinutes (Broadcast__ReceiptWindowMinutes): ", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Broadcast:PartitionSize (Broadcast__PartitionSize): ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_pass() =>
        Assert.True(new SettingsValidation<BroadcastOptions>(BroadcastOptions.Section).Validate(null, new BroadcastOptions()).Succeeded);

    [Theory]
    [InlineData("Broadcast:ReceiptWindowMinutes", "0")]
    [InlineData("Broadcast:Simulator:ReceiptDelayMs", "-1")]
    [InlineData("Broadcast:Smpp:Port", "0")]
    [InlineData("Broadcast:Webhooks:TimeoutSeconds", "0")]
    public void Each_feature_s_settings_are_checked_when_the_host_starts(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddBroadcastGrains().BuildServiceProvider();

        var refused = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        // Several options classes may fail at once (an AggregateException of them).
        var failures = (refused is AggregateException all ? all.InnerExceptions : [refused])
            .SelectMany(e => Assert.IsType<OptionsValidationException>(e).Failures);
        Assert.Contains(failures, f => f.StartsWith($"{key} ({key.Replace(":", "__", StringComparison.Ordinal)}): ", StringComparison.Ordinal));
    }
}
