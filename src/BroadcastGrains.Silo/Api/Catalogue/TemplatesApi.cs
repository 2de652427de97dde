using System.Text.RegularExpressions;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Silo.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BroadcastGrains.Silo.Api.Catalogue;

/// <summary><c>/v1/templates</c>: named message bodies a broadcast names with <c>templateName</c> once the operator approves them.</summary>
internal static partial class TemplatesApi
{
    const int MaxBodyLength = 1600;

    internal sealed record TemplateRequest(string? Name, string? Body);

    public static void MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/templates").WithTags("Templates");
        api.MapPost("/", CreateAsync).RequireAuthorization(Scopes.SmsSend).WithName("CreateTemplate");
        api.MapGet("/", ListAsync).RequireAuthorization(Scopes.SmsRead).WithName("ListTemplates");
        api.MapGet("/{name}", GetAsync).RequireAuthorization(Scopes.SmsRead).WithName("GetTemplate");
        var admin = app.MapGroup("/v1/admin/templates").RequireAuthorization(Scopes.Operator).WithTags("Admin");
        admin.MapPost("/{id}/approve", (string id, IGrainFactory grains) => ReviewAsync(id, ApprovalStatus.Approved, grains))
            .WithName("ApproveTemplate");
        admin.MapPost("/{id}/reject", (string id, IGrainFactory grains) => ReviewAsync(id, ApprovalStatus.Rejected, grains))
            .WithName("RejectTemplate");
    }

    static async Task<Results<Created<TemplateView>, Ok<TemplateView>, ProblemHttpResult>> CreateAsync(
        TemplateRequest request, ClientContext client, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Name is null || !NamePattern().IsMatch(request.Name))
        {
            errors["name"] = ["name is required: 1 to 100 letters, digits, '_', '-' or '.'"];
        }
        if (string.IsNullOrEmpty(request.Body) || request.Body.Length > MaxBodyLength)
        {
            errors["body"] = [$"body is required, at most {MaxBodyLength} characters"];
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }
        var created = await grains.GetGrain<ITemplatesGrain>(client.ClientId).CreateAsync(request.Name!, request.Body!);
        if (created.NameTaken)
        {
            return ApiProblems.Result(ErrorCodes.InvalidState, $"a template named '{request.Name}' exists with another body");
        }
        return created.Created
            ? TypedResults.Created($"/v1/templates/{Uri.EscapeDataString(created.Template.Name)}", created.Template)
            : TypedResults.Ok(created.Template);
    }

    static async Task<Ok<Page<TemplateView>>> ListAsync(ClientContext client, IGrainFactory grains) =>
        TypedResults.Ok(Page<TemplateView>.Of(await grains.GetGrain<ITemplatesGrain>(client.ClientId).ListAsync(), null));

    static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> GetAsync(string name, ClientContext client, IGrainFactory grains) =>
        await grains.GetGrain<ITemplatesGrain>(client.ClientId).GetAsync(name) is { } template
            ? TypedResults.Ok(template)
            : ApiProblems.Result(ErrorCodes.TemplateNotFound, $"no template named '{name}'");

    static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> ReviewAsync(string id, ApprovalStatus status, IGrainFactory grains)
    {
        var owner = CatalogueIds.IsWellFormed(id, CatalogueIds.Template)
            ? await grains.GetGrain<ICatalogueEntryGrain>(id).GetOwnerAsync()
            : null;
        var template = owner is null ? null : await grains.GetGrain<ITemplatesGrain>(owner).ReviewAsync(id, status);
        return template is null ? ApiProblems.Result(ErrorCodes.NotFound, $"no template '{id}'") : TypedResults.Ok(template);
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex NamePattern();
}
