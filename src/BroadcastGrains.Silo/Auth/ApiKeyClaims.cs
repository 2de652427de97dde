namespace BroadcastGrains.Silo.Auth;

/// <summary>Claim types the API key handler issues.</summary>
internal static class ApiKeyClaims
{
    public const string KeyId = "key_id";
    public const string OwnerKind = "owner_kind";
    public const string OwnerId = "owner_id";
    public const string Scope = "scope";
    public const string Approver = "approver";
    public const string Operator = "operator";

    /// <summary>HttpContext item naming why a request was forbidden, when it is not a missing scope.</summary>
    public const string ForbiddenCode = "broadcast.forbidden_code";
}
