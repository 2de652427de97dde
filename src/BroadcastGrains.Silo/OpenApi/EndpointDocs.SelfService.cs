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
    };
}
