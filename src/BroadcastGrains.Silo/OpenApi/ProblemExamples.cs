using System.Text.Json;
using System.Text.Json.Nodes;
using BroadcastGrains.Silo.Api;
using static BroadcastGrains.Broadcasts.ErrorCodes;

namespace BroadcastGrains.Silo.OpenApi;

/// <summary>An example problem for every error code, built by the same factory the endpoints answer with.</summary>
internal static class ProblemExamples
{
    static readonly Dictionary<string, string> Details = new(StringComparer.Ordinal)
    {
        [InvalidJson] = "the request body is not valid JSON",
        [ValidationFailed] = "name is required",
        [TooManyRecipients] = "at most 2,000,000 recipients",
        [TooManyVariables] = "A request takes at most 50 distinct variable names.",
        [DuplicateRecipients] = "2 recipients appear more than once",
        [NoRecipients] = "give recipients or listIds",
        [BodyTooLong] = "the body is 1,734 characters; at most 1,600",
        [MissingVariable] = "recipient 17 has no value for {{first_name}}",
        [InvalidRrule] = "FREQ=SOMETIMES is not an RFC 5545 rule",
        [InvalidTimezone] = "'Mars/Olympus' is not an IANA time zone",
        [ScheduleOutOfRange] = "scheduledAt must be in the future and at most a year ahead",
        [Unauthenticated] = "a valid API key is required (Authorization: Bearer, X-Api-Key, or Basic with the key id as user and the key as password)",
        [InsufficientCredits] = "needs 20000, available 1500",
        [ScopeInsufficient] = "this key lacks the scope this endpoint needs",
        [IpNotAllowed] = "this key may not be used from this address",
        [ClientNotAllowed] = "this key does not act for that client",
        [NotApprover] = "only a key marked approver may approve broadcasts",
        [NotFound] = "no such broadcast",
        [TemplateNotFound] = "no template 'welcome'",
        [ListNotFound] = "no contact list 'cl_123'",
        [InvalidState] = "a completed broadcast cannot be paused",
        [NotScheduled] = "the broadcast is not scheduled",
        [AlreadyCancelled] = "the broadcast is already cancelled",
        [AlreadyProcessing] = "the broadcast has completed",
        [IdempotencyKeyReused] = "this Idempotency-Key was used with another body",
        [SenderTaken] = "the name 'MyShop' is approved for another client",
        [PayloadTooLarge] = "the request body is larger than this endpoint takes",
        [SenderNotApproved] = "sender 'MyShop' is not approved",
        [TemplateNotApproved] = "template 'welcome' is not approved",
        [RouteNotFound] = "no route 'UG_MTN' in the routing table",
        [RateLimited] = "1000 requests per 60 s; retry after the Retry-After header",
        [DailyQuotaExceeded] = "the daily quota of 100000 recipients is used up",
        [ApiProblems.Internal] = "the server failed to answer; the request may be retried",
    };

    public static int StatusOf(string code) => ApiProblems.StatusOf(code);

    /// <summary>The problem body <paramref name="code"/> answers with, as JSON.</summary>
    public static JsonNode For(string code)
    {
        var problem = ApiProblems.Details(code, Details.GetValueOrDefault(code, code));
        if (code == ValidationFailed)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { ["name"] = ["name is required"] };
        }
        var node = JsonSerializer.SerializeToNode(problem, JsonSerializerOptions.Web)!.AsObject();
        return node;
    }

    /// <summary>The title of <paramref name="code"/>, for the response description.</summary>
    public static string TitleOf(string code) => ApiProblems.Details(code, "").Title ?? code;
}
