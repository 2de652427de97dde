using BroadcastGrains.Broadcasts;
using BroadcastGrains.Silo.Api;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace BroadcastGrains.Silo.OpenApi;

/// <summary>
/// <c>/ui</c>: the live page (plain HTML and JavaScript from <c>wwwroot/ui</c>, copied next to the silo's assembly, so it
/// is found whatever the working directory). Served by endpoints rather than the static-file middleware because the
/// API's catch-all 404 endpoint would otherwise win the route.
/// </summary>
internal static class UiPage
{
    public const string Path = "/ui";

    // The page holds an API key: it loads nothing from anywhere else and may not be framed.
    const string ContentSecurityPolicy =
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

    static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void MapUiPage(this WebApplication app)
    {
        var files = Files(app.Environment);
        app.MapGet(Path + "/{**file}", (string? file, HttpContext context) =>
        {
            if (string.IsNullOrEmpty(file) && !context.Request.Path.Value!.EndsWith('/'))
            {
                // The page's relative links (app.js, app.css) need the trailing slash.
                return (IResult)TypedResults.Redirect(Path + "/");
            }
            var info = files.GetFileInfo(string.IsNullOrEmpty(file) ? "index.html" : file);
            if (!info.Exists || info.IsDirectory || info.PhysicalPath is null)
            {
                return ApiProblems.Result(ErrorCodes.NotFound, $"no page {context.Request.Path}");
            }
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.Headers.CacheControl = "no-cache";
            return TypedResults.PhysicalFile(info.PhysicalPath,
                ContentTypes.TryGetContentType(info.Name, out var type) ? type : "application/octet-stream");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    static IFileProvider Files(IWebHostEnvironment environment)
    {
        foreach (var root in new[] { AppContext.BaseDirectory, environment.ContentRootPath })
        {
            var folder = System.IO.Path.Combine(root, "wwwroot", "ui");
            if (Directory.Exists(folder))
            {
                return new PhysicalFileProvider(folder);
            }
        }
        return new NullFileProvider();
    }
}
