namespace BroadcastGrains.Links;

/// <summary>Where short links point: <c>Broadcast__Links__BaseUrl</c>, else the address the silo's API listens on.</summary>
public static class LinkBaseUrls
{
    /// <summary>The silo's default when it sets no listening address of its own.</summary>
    public const string Default = "http://127.0.0.1:5080";

    public static string Of(LinkOptions options) =>
        string.IsNullOrWhiteSpace(options.BaseUrl) ? Default : options.BaseUrl.TrimEnd('/');
}
