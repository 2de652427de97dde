using static BroadcastGrains.Broadcasts.ErrorCodes;

namespace BroadcastGrains.Silo.OpenApi;

/// <summary>Issue 20's self-service and operator-change endpoints: a client's own keys and webhook, a client's change.</summary>
internal static partial class EndpointDocs
{
    static readonly Dictionary<string, EndpointDoc> SelfServiceDocs = new(StringComparer.Ordinal)
    {
        ["PATCH /v1/admin/clients/{}"] = new("Change a client",
            "Operator key. Changes only the fields given (null clears one); rate limit, quota, credit and webhook changes hold on every silo within seconds.",
            ValidationFailed, InvalidJson, NotFound),
        ["POST /v1/api-keys"] = new("Create an API key of your own",
            "Scope `keys:write`. `{name?, scopes, ipAllowlist?}`; only scopes the calling key has, never `approver`. The key is in this answer only.",
            ValidationFailed, InvalidJson),
        ["GET /v1/api-keys"] = new("List your API keys", "Scope `keys:write`. Unrevoked keys `{id, name, scopes, prefix, createdAt, lastUsedAt}`."),
        ["GET /v1/webhook"] = new("Read your webhook settings", "Scope `keys:write`. `{url, hasSecret, events}`; the secret is write-only."),
        ["PUT /v1/webhook"] = new("Set your webhook", "Scope `keys:write`. `{url, secret?, events?}`; the secret changes only when given (\"\" removes it).",
            ValidationFailed, InvalidJson),
        ["POST /v1/webhooks/test"] = new("Send a test event", "Scope `keys:write`. Queues a `ping` to the webhook URL (202 `{eventId, url}`).",
            InvalidState),
        ["POST /v1/webhooks/deliveries/{}/redeliver"] = new("Send a delivery again",
            "Scope `keys:write`. Sends that delivery's event again now, delivered or failed alike (202); another client's delivery is 404.", NotFound),
        ["DELETE /v1/api-keys/{}"] = new("Revoke one of your API keys", "Scope `keys:write`. At once, cluster-wide; another client's key is 404.", NotFound),
    };
}
