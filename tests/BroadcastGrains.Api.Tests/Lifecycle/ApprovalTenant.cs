using System.Net;
using BroadcastGrains.Api.Tests.Hosting;

namespace BroadcastGrains.Api.Tests.Lifecycle;

/// <summary>
/// A client with approval thresholds (API.md <c>POST /v1/admin/clients</c>), an approved sender <c>MyShop</c>, an
/// ordinary key and an approver key, all made through <c>/v1/admin</c> as an operator would.
/// </summary>
internal sealed class ApprovalTenant : IDisposable
{
    ApprovalTenant(Tenant member, Tenant approver)
    {
        Member = member;
        Approver = approver;
    }

    /// <summary>An ordinary key with every scope: it may send but not approve.</summary>
    public Tenant Member { get; }

    /// <summary>A key marked <c>approver</c>.</summary>
    public Tenant Approver { get; }

    public static async Task<ApprovalTenant> CreateAsync(ApiFixture api, decimal credits, long? recipients = null, decimal? creditLimit = null)
    {
        using var admin = api.Operator();
        using var created = await admin.PostJsonAsync("/v1/admin/clients", new
        {
            name = "Careful shop " + Guid.NewGuid().ToString("N")[..8],
            approvalThresholds = new { recipients, credits = creditLimit },
        });
        var clientId = (await created.ReadJsonAsync(HttpStatusCode.Created)).Str("id");
        var (_, memberKey) = await Tenant.IssueKeyAsync(api, clientId, Tenant.AllScopes);
        using var approverResponse = await admin.PostJsonAsync($"/v1/admin/clients/{clientId}/api-keys",
            new { name = "approver", scopes = Tenant.AllScopes, approver = true });
        var approverKey = (await approverResponse.ReadJsonAsync(HttpStatusCode.Created)).Str("key");
        if (credits > 0)
        {
            await Tenant.TopUpAsync(api, clientId, credits, "opening-balance");
        }
        return new ApprovalTenant(Tenant.FromKey(api, clientId, memberKey), Tenant.FromKey(api, clientId, approverKey));
    }

    public void Dispose()
    {
        Member.Dispose();
        Approver.Dispose();
    }
}
