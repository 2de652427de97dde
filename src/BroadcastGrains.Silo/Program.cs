using BroadcastGrains.Hosting;
using BroadcastGrains.Silo.Api;
using BroadcastGrains.Silo.Api.Admin;
using BroadcastGrains.Silo.Api.Catalogue;
using BroadcastGrains.Silo.Edge;
using BroadcastGrains.Silo.Hosting;
using BroadcastGrains.Silo.Limits;
using BroadcastGrains.Silo.Telemetry;

var builder = WebApplication.CreateBuilder(args);
if (args.Contains("migrate"))
{
    return await Migration.RunAsync(builder.Configuration);
}
if (ClusterGate.Check(builder.Configuration) is { } badCluster)
{
    return badCluster;
}
if (SecretsGate.Check(builder.Configuration) is { } weakSecrets)
{
    return weakSecrets;
}
if (await SchemaGate.CheckAsync(builder.Configuration) is { } refused)
{
    return refused;
}
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}
builder.UseOrleans(silo =>
{
    SiloSetup.ConfigureSilo(silo, builder.Configuration);
    silo.AddOperatorSurfaces();
});
builder.Services.AddBroadcastGrains();
builder.AddBroadcastApi();
builder.AddCatalogueApi();
builder.AddLinksApi();
builder.Services.AddAnonymousLimit();
builder.Services.AddTrustedProxies();
builder.AddOperatorSurfaces();
QuietStop.AddTo(builder);

var app = builder.Build();
if (SettingsGate.Check(app) is { } badSettings)
{
    return badSettings;
}
app.UseTrustedProxies();
app.UseMiddleware<ProblemMiddleware>();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAnonymousLimit();
app.UseAuthorization();
app.UseClientRateLimits();

app.MapHealthApi();
app.MapBroadcastsApi();
app.MapWalletApi();
app.MapAdminApi();
app.MapCarrierApi();
app.MapCatalogueApi();
app.MapLinksApi();
app.MapOperatorSurfaces();
app.MapFallback((HttpContext context) => ApiProblems.Result(
    BroadcastGrains.Broadcasts.ErrorCodes.NotFound, $"no endpoint {context.Request.Method} {context.Request.Path}")).AllowAnonymous();

StartupNotice.Log(app);
QuietStop.Watch(app);
await app.RunAsync();
return 0;

/// <summary>The silo's entry point (public so tests can host it with WebApplicationFactory).</summary>
public partial class Program;
