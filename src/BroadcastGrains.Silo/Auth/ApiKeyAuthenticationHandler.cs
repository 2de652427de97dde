using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Silo.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer</c>, <c>X-Api-Key</c> or HTTP Basic (<see cref="PresentedKey"/>): the operator key from configuration, or a client or
/// agency key checked against its grain (no cache, so a revocation holds on every silo at once).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IGrainFactory grains,
    OperatorKey operatorKey)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey.Read(Request.Headers.Authorization.ToString(), Request.Headers["X-Api-Key"].ToString());
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }
        var key = presented.Key;
        // The operator key has no id, so it is never presented as Basic.
        if (presented.ClaimedId is null && operatorKey.Matches(key))
        {
            return Success([new Claim(ApiKeyClaims.Operator, "true")]);
        }
        // A Basic user that is not the key's own id is refused before storage is touched, like a key of the wrong shape.
        if (!ApiKeyFormat.TryGetId(key, out var id) || !presented.PairsWith(id))
        {
            return AuthenticateResult.Fail("unknown API key");
        }
        var record = await grains.GetGrain<IApiKeyGrain>(id).VerifyAsync(ApiKeyFormat.Hash(key));
        if (record is null)
        {
            return AuthenticateResult.Fail("unknown or revoked API key");
        }
        var claims = new List<Claim>
        {
            new(ApiKeyClaims.KeyId, record.Id),
            new(ApiKeyClaims.OwnerKind, record.OwnerKind.ToString()),
            new(ApiKeyClaims.OwnerId, record.OwnerId),
        };
        if (!IpAllowlist.Allows(record.IpAllowlist, Context.Connection.RemoteIpAddress))
        {
            // Authenticated but refused: no scope claims, so every policy forbids, and the forbid names the reason.
            Context.Items[ApiKeyClaims.ForbiddenCode] = ErrorCodes.IpNotAllowed;
            return Success(claims);
        }
        claims.AddRange(record.Scopes.Select(s => new Claim(ApiKeyClaims.Scope, s)));
        if (record.Approver)
        {
            claims.Add(new Claim(ApiKeyClaims.Approver, "true"));
        }
        return Success(claims);
    }

    AuthenticateResult Success(IEnumerable<Claim> claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, ErrorCodes.Unauthenticated, "a valid API key is required (Authorization: Bearer, X-Api-Key, or Basic with the key id as user and the key as password)");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var code = Context.Items[ApiKeyClaims.ForbiddenCode] as string ?? ErrorCodes.ScopeInsufficient;
        var detail = code == ErrorCodes.IpNotAllowed
            ? "this key may not be used from this address"
            : "this key lacks the scope this endpoint needs";
        return ApiProblems.Write(Context, code, detail);
    }
}

/// <summary>IP allowlists: CIDRs (IPv4 and IPv6); an empty list allows every address.</summary>
internal static class IpAllowlist
{
    public static bool Allows(IReadOnlyList<string> cidrs, IPAddress? remote)
    {
        if (cidrs.Count == 0)
        {
            return true;
        }
        if (remote is null)
        {
            return false;
        }
        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }
        return cidrs.Any(c => IPNetwork.TryParse(c, out var network) && network.Contains(remote));
    }

    public static bool IsValid(string cidr) => IPNetwork.TryParse(cidr, out _);
}
