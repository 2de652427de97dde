using BroadcastGrains.Silo.Telemetry;

namespace BroadcastGrains.Api.Tests.Operations;

/// <summary>Issue 14 item 6: no phone number or free text in exported spans.</summary>
public sealed class TraceRedactionTests
{
    [Theory]
    [InlineData("/v1/opt-outs/+14155550100", "/v1/opt-outs/{redacted}")]
    [InlineData("/v1/opt-outs/%2B14155550100", "/v1/opt-outs/{redacted}")]
    [InlineData("/v1/opt-outs/%2b14155550100", "/v1/opt-outs/{redacted}")]
    [InlineData("/v1/contact-lists/cl_x/contacts/0812345678", "/v1/contact-lists/cl_x/contacts/{redacted}")]
    [InlineData("senderdirectory/+447700900123", "senderdirectory/{redacted}")]
    [InlineData("?phone=14155550100&limit=50", "?phone={redacted}&limit=50")]
    [InlineData("GET /v1/opt-outs/{phone}", "GET /v1/opt-outs/{phone}")]
    [InlineData("127.0.0.1:5080", "127.0.0.1:5080")]
    [InlineData("/v1/broadcasts/bc_abcdefgh?limit=100000", "/v1/broadcasts/bc_abcdefgh?limit={redacted}")]
    public void Runs_of_six_or_more_digits_are_redacted_shorter_ones_stay(string value, string exported) =>
        Assert.Equal(exported, TraceRedaction.Redact(value));

    [Theory]
    [InlineData("exception.message")]
    [InlineData("exception.stacktrace")]
    public void Free_text_tags_are_dropped(string key) => Assert.Null(TraceRedaction.RedactTag(key, "body: Your code is 1234"));

    [Fact]
    public void Other_tags_keep_their_value_redacted() =>
        Assert.Equal("/v1/opt-outs/{redacted}", TraceRedaction.RedactTag("url.path", "/v1/opt-outs/+14155550100"));
}
