using System.IO.Pipelines;
using System.Text;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Silo.Api.Broadcasts.Reading;

namespace BroadcastGrains.Api.Tests.Reading;

public class CreateBroadcastRequestErrorsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("""{"name":"x",}""")]
    [InlineData("""{"name":"x"}{}""")]
    [InlineData("""{"name":"x" """)]
    [InlineData("""{"recipients":["+14155550100" "+14155550101"]}""")]
    [InlineData("""[{"name":"x"}]""")]
    [InlineData("\"x\"")]
    [InlineData("null")]
    public async Task Malformed_empty_or_non_object_bodies_are_invalid_json(string json)
    {
        var error = (await RequestBodies.ReadBothWaysAsync(json)).Error;

        Assert.Equal(ErrorCodes.InvalidJson, error?.Code);
    }

    [Fact]
    public async Task Invalid_json_says_where()
    {
        var error = (await RequestBodies.ReadBothWaysAsync("{\"name\":\"x\",\n  \"from\": }")).Error;

        Assert.Equal(ErrorCodes.InvalidJson, error?.Code);
        Assert.Contains("line 2, byte 11", error?.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\":\"", "\"}")]
    [InlineData("{\"recipients\":[\"+1", "\"]}")]
    [InlineData("{\"recipients\":[{\"to\":\"+1\",\"variables\":{\"", "\":\"x\"}}]}")]
    public async Task Strings_that_are_not_utf8_are_invalid_json(string before, string after)
    {
        byte[] body = [.. Encoding.UTF8.GetBytes(before), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(after)];

        var error = (await RequestBodies.ReadAsync(body, segmented: true)).Error;

        Assert.Equal(ErrorCodes.InvalidJson, error?.Code);
        Assert.Contains($"byte {before.LastIndexOf('"') + 1}", error?.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":1}""", "name")]
    [InlineData("""{"from":true}""", "from")]
    [InlineData("""{"body":{"text":"hi"}}""", "body")]
    [InlineData("""{"templateName":["promo"]}""", "templateName")]
    [InlineData("""{"defaultRegion":256}""", "defaultRegion")]
    [InlineData("""{"recurrenceRule":{}}""", "recurrenceRule")]
    [InlineData("""{"timezone":0}""", "timezone")]
    [InlineData("""{"name":"a","name":"b"}""", "name")]
    [InlineData("""{"mediaUrls":"https://cdn.example/1.png"}""", "mediaUrls")]
    [InlineData("""{"mediaUrls":["https://cdn.example/1.png",2]}""", "mediaUrls[1]")]
    [InlineData("""{"listIds":[null]}""", "listIds[0]")]
    [InlineData("""{"recipients":"+14155550100"}""", "recipients")]
    [InlineData("""{"recipients":{"to":"+14155550100"}}""", "recipients")]
    [InlineData("""{"recipients":[14155550100]}""", "recipients[0]")]
    [InlineData("""{"recipients":["+14155550100",null]}""", "recipients[1]")]
    [InlineData("""{"recipients":["+14155550100",["+14155550101"]]}""", "recipients[1]")]
    [InlineData("""{"recipients":["+14155550100","+14155550101",{"to":14155550102}]}""", "recipients[2]")]
    [InlineData("""{"recipients":[{"variables":{"a":"b"}}]}""", "recipients[0]")]
    [InlineData("""{"recipients":[{"to":"+14155550100","to":"+14155550101"}]}""", "recipients[0]")]
    [InlineData("""{"recipients":[{"to":"+14155550100","variables":["Ann"]}]}""", "recipients[0].variables")]
    [InlineData("""{"recipients":[{"to":"+14155550100","variables":{"a":{"b":"c"}}}]}""", "recipients[0].variables")]
    [InlineData("""{"recipients":[{"to":"+1","variables":{},"variables":{}}]}""", "recipients[0].variables")]
    [InlineData("""{"onDuplicate":"ignore"}""", "onDuplicate")]
    [InlineData("""{"onDuplicate":true}""", "onDuplicate")]
    [InlineData("""{"scheduleMode":"later"}""", "scheduleMode")]
    [InlineData("""{"scheduleMode":"Now"}""", "scheduleMode")]
    [InlineData("""{"scheduledAt":"2030-01-31T09:00:00"}""", "scheduledAt")]
    [InlineData("""{"scheduledAt":"2030-01-31"}""", "scheduledAt")]
    [InlineData("""{"scheduledAt":"next tuesday"}""", "scheduledAt")]
    [InlineData("""{"scheduledAt":1896000000}""", "scheduledAt")]
    [InlineData("""{"deliveryWindow":"09:00-20:00"}""", "deliveryWindow")]
    [InlineData("""{"deliveryWindow":{"start":"9:00","end":"20:00"}}""", "deliveryWindow.start")]
    [InlineData("""{"deliveryWindow":{"start":"09:00","end":"24:00"}}""", "deliveryWindow.end")]
    [InlineData("""{"deliveryWindow":{"start":"09:00","end":"8pm"}}""", "deliveryWindow.end")]
    [InlineData("""{"deliveryWindow":{"start":"09:00"}}""", "deliveryWindow.end")]
    [InlineData("""{"deliveryWindow":{"start":900,"end":"20:00"}}""", "deliveryWindow.start")]
    [InlineData("""{"dripRatePerMinute":1.5}""", "dripRatePerMinute")]
    [InlineData("""{"dripRatePerMinute":"600"}""", "dripRatePerMinute")]
    [InlineData("""{"validityMinutes":1e3}""", "validityMinutes")]
    [InlineData("""{"validityMinutes":99999999999}""", "validityMinutes")]
    [InlineData("""{"dryRun":"true"}""", "dryRun")]
    [InlineData("""{"dryRun":1}""", "dryRun")]
    public async Task A_field_of_the_wrong_type_fails_validation_naming_it(string json, string field)
    {
        var error = (await RequestBodies.ReadBothWaysAsync(json)).Error;

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Equal([field], error.Errors?.Keys);
        Assert.Equal(error.Detail, Assert.Single(error.Errors![field]));
    }

    [Fact]
    public async Task Errors_never_quote_a_phone_number()
    {
        var error = (await RequestBodies.ReadAsync("""{"recipients":[{"to":"+14155550100","to":"+14155550101"}]}""")).Error;

        Assert.NotNull(error);
        Assert.DoesNotContain("4155550", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_read_throws_rather_than_refusing_the_body()
    {
        var pipe = PipeReader.Create(new MemoryStream("{}"u8.ToArray()));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            CreateBroadcastRequestReader.ReadAsync(pipe, new CancellationToken(canceled: true)));
        await pipe.CompleteAsync();
    }
}
