using System.Text.Json;
using System.Text.Json.Serialization;
using BroadcastGrains.Silo.Api;
using BroadcastGrains.Silo.Api.Json;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Authentication;

namespace BroadcastGrains.Silo.Hosting;

/// <summary>The HTTP side of the silo: JSON, problems, authentication and the scope policies.</summary>
internal static class ApiSetup
{
    /// <summary>API.md: every endpoint but create and CSV uploads takes bodies up to 1 MB.</summary>
    public const long DefaultBodyLimit = 1024 * 1024;

    public static void AddBroadcastApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = DefaultBodyLimit);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            // Numbers are JSON numbers: the web defaults would also read "5" as 5, and then a string that is no number
            // could not be told from a number too large for its field (INVALID_JSON against VALIDATION_FAILED).
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new UtcDateTimeOffsetConverter());
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // Problems the framework makes itself (unknown route, wrong method, unreadable body) get a code too.
            if (!c.ProblemDetails.Extensions.ContainsKey("code"))
            {
                c.ProblemDetails.Extensions["code"] = ApiProblems.CodeForStatus(c.ProblemDetails.Status ?? 500);
            }
        });
        services.AddSingleton<EventStreamSlots>();
        services.AddSingleton<UploadSlots>();
        // Binding failures reach ProblemMiddleware as exceptions in every environment, so a value that does not fit its
        // field can be told from broken JSON (by default only Development throws; elsewhere a bare 400 is written).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Scopes.Operator, p => p.RequireClaim(ApiKeyClaims.Operator))
            .AddPolicy(Scopes.SmsSend, p => p.RequireAssertion(c => HasScope(c.User, Scopes.SmsSend)))
            .AddPolicy(Scopes.SmsRead, p => p.RequireAssertion(c => HasScope(c.User, Scopes.SmsRead)))
            .AddPolicy(Scopes.WalletRead, p => p.RequireAssertion(c => HasScope(c.User, Scopes.WalletRead)))
            .AddPolicy(Scopes.ListsWrite, p => p.RequireAssertion(c => HasScope(c.User, Scopes.ListsWrite)))
            .AddPolicy(Scopes.KeysWrite, p => p.RequireAssertion(c => HasScope(c.User, Scopes.KeysWrite)));
        services.AddStartupSecrets(builder.Configuration);
    }

    static bool HasScope(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.HasClaim(ApiKeyClaims.Scope, scope) || user.HasClaim(ApiKeyClaims.Scope, Scopes.All);
}
