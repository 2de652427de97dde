using System.Security.Claims;
using System.Text.Encodings.Web;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Silo.Api;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Silo.Telemetry;

/// <summary>
/// Lets a browser into the dashboard. <c>GET /dashboard?key=&lt;operator key&gt;</c> sets an HttpOnly, SameSite=Strict
/// cookie scoped to <c>/dashboard</c>, valid 12 hours and <c>Secure</c> over HTTPS, and redirects to the same address
/// without the key, so the key leaves neither the address bar nor the history; later requests authenticate by the
/// cookie. The cookie holds its issue time and an HMAC of it under the operator key (<see cref="DashboardSessionToken"/>),
/// not the key: it is useless anywhere else, expires by itself, and changing the key (a restart with another
/// <c>Broadcast__AdminKey</c>) invalidates every cookie at once.
/// </summary>
internal sealed class DashboardCookieHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    OperatorKey operatorKey,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder), IAuthenticationRequestHandler
{
    public const string SchemeName = "DashboardCookie";
    public const string CookieName = "bg_dashboard";
    public const string KeyParameter = "key";

    public async Task<bool> HandleRequestAsync()
    {
        if (!Request.Path.StartsWithSegments(DashboardSetup.Path) || !Request.Query.TryGetValue(KeyParameter, out var key))
        {
            return false;
        }
        if (!operatorKey.Matches(key.ToString()))
        {
            await ApiProblems.Write(Context, ErrorCodes.Unauthenticated, "that is not the operator key");
            return true;
        }
        var now = time.GetUtcNow();
        Response.Cookies.Append(CookieName, DashboardSessionToken.Issue(operatorKey.Value, now), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            // Over HTTPS (also as a trusted proxy forwards it) the cookie never travels in clear.
            Secure = Request.IsHttps,
            Expires = now + DashboardSessionToken.Lifetime,
            MaxAge = DashboardSessionToken.Lifetime,
            Path = DashboardSetup.Path,
            IsEssential = true,
        });
        var rest = Request.Query.Where(q => q.Key != KeyParameter)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        Response.Headers.CacheControl = "no-store";
        Response.Redirect(QueryHelpers.AddQueryString(Request.PathBase + Request.Path, rest));
        return true;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (!DashboardSessionToken.IsValid(operatorKey.Value, cookie, time.GetUtcNow()))
        {
            return Task.FromResult(AuthenticateResult.Fail("stale or expired dashboard cookie"));
        }
        var identity = new ClaimsIdentity([new Claim(ApiKeyClaims.Operator, "true")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    // The API key scheme answers 401/403 with its problem body; a second answer would corrupt it.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Task.CompletedTask;

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Task.CompletedTask;
}
