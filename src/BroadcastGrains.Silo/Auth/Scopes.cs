namespace BroadcastGrains.Silo.Auth;

/// <summary>API key scopes (API.md "Authentication and tenancy"); each is also the name of its authorization policy.</summary>
public static class Scopes
{
    public const string SmsSend = "sms:send";
    public const string SmsRead = "sms:read";
    public const string WalletRead = "wallet:read";
    public const string ListsWrite = "lists:write";
    public const string KeysWrite = "keys:write";
    public const string All = "*";

    /// <summary>The operator (admin key) policy.</summary>
    public const string Operator = "operator";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal) { SmsSend, SmsRead, WalletRead, ListsWrite, KeysWrite, All };
}
