using System.Text;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Silo.Api.Broadcasts.Reading;

namespace BroadcastGrains.Api.Tests.Reading;

/// <summary>
/// The request shapes that exhausted a silo's memory are refused (or read) for about their own size: allocations are
/// counted on the reading thread (the pipe over a MemoryStream never leaves it) and bounded generously.
/// </summary>
public class WorstShapeReadingTests
{
    const long MB = 1024 * 1024;

    [Theory]
    [InlineData(8_000)]
    [InlineData(50_000)]
    public async Task Recipients_each_naming_a_new_variable_are_refused_at_the_51st_name(int recipients)
    {
        var body = OwnNameEach(recipients);

        var (result, allocated) = await ReadCountingAsync(body);

        Assert.Equal(ErrorCodes.TooManyVariables, result.Error?.Code);
        // Before: the table widened every row to every name, 8,000² or 50,000² references (0.5 GB, 20 GB).
        Assert.True(allocated < 8 * MB, $"{allocated / MB} MB allocated reading {body.Length / MB} MB");
    }

    [Fact]
    public async Task A_body_of_long_values_is_refused_at_the_first_value_over_500_characters()
    {
        var body = LongValues(count: 5_000, valueLength: 520);

        var (result, allocated) = await ReadCountingAsync(body);

        Assert.Equal(ErrorCodes.ValidationFailed, result.Error?.Code);
        Assert.Equal(["recipients[0].variables.v"], result.Error!.Errors!.Keys);
        Assert.True(allocated < 8 * MB, $"{allocated / MB} MB allocated reading {body.Length / MB} MB");
    }

    [Fact]
    public async Task A_body_of_values_at_the_limit_costs_about_their_text()
    {
        var body = LongValues(count: 5_000, valueLength: RequestLimits.MaxVariableValueLength);

        var (result, allocated) = await ReadCountingAsync(body);

        Assert.True(result.Succeeded, result.Error?.Detail);
        Assert.Equal(5_000 * RequestLimits.MaxVariableValueLength, result.Value.Recipients.Variables.Text.Length);
        // 2.5 million chars are 5 MB; building and copying them once or twice is the whole cost.
        Assert.True(allocated < 48 * MB, $"{allocated / MB} MB allocated reading {body.Length / MB} MB");
    }

    static async Task<(ReadResult<CreateBroadcastRequest> Result, long Allocated)> ReadCountingAsync(byte[] body)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var thread = Environment.CurrentManagedThreadId;
        var result = await RequestBodies.ReadAsync(body);
        Assert.Equal(thread, Environment.CurrentManagedThreadId);
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>~52 bytes a recipient: 50,000 of them are the 2.6 MB that asked for 20 GB.</summary>
    internal static byte[] OwnNameEach(int recipients)
    {
        var json = new StringBuilder("""{"name":"x","from":"MyShop","body":"hi","recipients":[""");
        for (var i = 0; i < recipients; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"to\":\"+1212555").Append((i % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture))
                .Append("\",\"variables\":{\"v").Append(i).Append("\":\"x\"}}");
        }
        return Encoding.UTF8.GetBytes(json.Append("]}").ToString());
    }

    /// <summary>Recipients with one value each of <paramref name="valueLength"/> characters, used four times by the body.</summary>
    internal static byte[] LongValues(int count, int valueLength)
    {
        var value = new string('a', valueLength);
        var json = new StringBuilder("""{"name":"x","from":"MyShop","body":"{{v}}{{v}}{{v}}{{v}}","onDuplicate":"skip","recipients":[""");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"to\":\"+1212555").Append((i % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture))
                .Append("\",\"variables\":{\"v\":\"").Append(value).Append("\"}}");
        }
        return Encoding.UTF8.GetBytes(json.Append("]}").ToString());
    }
}
