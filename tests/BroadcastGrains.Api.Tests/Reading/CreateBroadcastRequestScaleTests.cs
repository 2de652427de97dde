using System.IO.Pipelines;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Silo.Api.Broadcasts.Reading;

namespace BroadcastGrains.Api.Tests.Reading;

public class CreateBroadcastRequestScaleTests
{
    private const int Limit = 2_000_000;

    [Fact]
    public async Task Two_million_numbers_read_to_exact_counts()
    {
        var request = (await RequestBodies.ReadAsync(RequestBodies.WithRecipients(Limit))).Succeeded();

        var recipients = request.Recipients;
        Assert.Equal(Limit, recipients.Count);
        Assert.Empty(recipients.Texts);
        Assert.Empty(recipients.TextIndexes);
        Assert.Equal(0, recipients.Variables.RowCount);
        Assert.Equal(10_000_000_000 + RequestBodies.NumberAt(0), recipients.Numbers[0]);
        Assert.Equal(10_000_000_000 + RequestBodies.NumberAt(Limit - 1), recipients.Numbers[^1]);
        Assert.Equal(Limit, recipients.Numbers.Distinct().Count());
        Assert.Equal("x", request.Name);
    }

    [Fact]
    public async Task One_recipient_over_two_million_is_too_many()
    {
        var result = await RequestBodies.ReadAsync(RequestBodies.WithRecipients(Limit + 1));

        Assert.Equal(ErrorCodes.TooManyRecipients, result.Error?.Code);
        Assert.Equal(["recipients"], result.Error?.Errors?.Keys);
        Assert.Null(result.Value);
    }

    [Fact]
    public async Task The_reader_consumes_the_whole_body()
    {
        var pipe = PipeReader.Create(new MemoryStream(RequestBodies.WithRecipients(1000)));

        var result = await CreateBroadcastRequestReader.ReadAsync(pipe, CancellationToken.None);
        var after = await pipe.ReadAsync();

        Assert.True(result.Succeeded);
        Assert.True(after.IsCompleted);
        Assert.True(after.Buffer.IsEmpty);
        await pipe.CompleteAsync();
    }
}
