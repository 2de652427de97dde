namespace BroadcastGrains.Api.Tests.Hosting;

/// <summary>
/// A silo with the HTTP edge's protections at test-sized settings: a per-address limit of
/// <see cref="AnonymousBurst"/> requests without valid credentials, with one more allowed per minute.
/// </summary>
public sealed class EdgeApiFixture : ApiFixture
{
    public const int AnonymousBurst = 3;

    protected override Dictionary<string, string> Settings()
    {
        var settings = base.Settings();
        settings["Broadcast:Http:AnonymousLimit:Burst"] = AnonymousBurst.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Broadcast:Http:AnonymousLimit:PerMinute"] = "1";
        return settings;
    }
}
