using System.Net;
using BroadcastGrains.Carrier;
using BroadcastGrains.Carrier.Http;

namespace BroadcastGrains.Tests.Http;

/// <summary>What each answer of the Messages API means for a submitted message, and each status callback for its recipient.</summary>
public class TwilioAnswersTests
{
    [Theory]
    [InlineData(HttpStatusCode.Created)]
    [InlineData(HttpStatusCode.OK)]
    public void A_success_is_accepted_under_its_sid(HttpStatusCode status) =>
        Assert.Equal(new SubmitResult(SubmitStatus.Accepted, "SM1", null), TwilioAnswers.Of(status, """{"sid":"SM1","status":"queued"}"""));

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public void Throttled_or_unavailable_is_tried_again_later(HttpStatusCode status) =>
        Assert.Equal(SubmitStatus.RetryLater, TwilioAnswers.Of(status, """{"code":20429}""").Status);

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, """{"code":21211,"message":"Invalid 'To' Phone Number"}""", "twilio:21211")]
    [InlineData(HttpStatusCode.Unauthorized, """{"code":20003}""", "twilio:20003")]
    [InlineData(HttpStatusCode.NotFound, "<html>not found</html>", "twilio:404")]
    public void Another_client_error_refuses_the_message_with_its_code(HttpStatusCode status, string body, string error) =>
        Assert.Equal(new SubmitResult(SubmitStatus.Rejected, null, error), TwilioAnswers.Of(status, body));

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "")]
    [InlineData(HttpStatusCode.BadGateway, "<html/>")]
    [InlineData(HttpStatusCode.Created, "not json")]
    public void Another_server_error_or_a_success_without_sid_is_accepted_unconfirmed(HttpStatusCode status, string body) =>
        Assert.Equal(new SubmitResult(SubmitStatus.Accepted, null, TwilioAnswers.Unconfirmed), TwilioAnswers.Of(status, body));

    [Theory]
    [InlineData("delivered", "", ReceiptOutcome.Delivered, null)]
    [InlineData("undelivered", "30003", ReceiptOutcome.Failed, "twilio:30003")]
    [InlineData("failed", "30008", ReceiptOutcome.Failed, "twilio:30008")]
    public void Final_statuses_map_to_receipts(string status, string code, ReceiptOutcome outcome, string? error) =>
        Assert.Equal((outcome, error), TwilioStatuses.Final(status, code));

    [Theory]
    [InlineData("queued")]
    [InlineData("sending")]
    [InlineData("sent")]
    [InlineData(null)]
    public void Steps_on_the_way_change_nothing(string? status) => Assert.Null(TwilioStatuses.Final(status, null));
}
