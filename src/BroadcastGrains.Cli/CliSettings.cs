using System.CommandLine;

namespace BroadcastGrains.Cli;

/// <summary>The options every command shares: where the API is and which keys to send.</summary>
internal sealed class CliSettings
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public Option<string> Url { get; } = new("--url")
    {
        Description = "The silo's HTTP address (env BROADCAST_URL).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BROADCAST_URL") is { Length: > 0 } url ? url : DefaultUrl,
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = "A client API key (env BROADCAST_API_KEY).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BROADCAST_API_KEY"),
    };

    public Option<string?> AdminKey { get; } = new("--admin-key")
    {
        Description = "The operator key, Broadcast__AdminKey of the silo (env BROADCAST_ADMIN_KEY).",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("BROADCAST_ADMIN_KEY"),
    };

    public Uri BaseAddress(ParseResult parse)
    {
        var text = parse.GetValue(Url)!;
        return Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--url '{text}' is not an http(s) address");
    }

    public string ClientKey(ParseResult parse) =>
        parse.GetValue(Key) is { Length: > 0 } key ? key : throw new UsageException("a client API key is needed: --key or BROADCAST_API_KEY");

    public string OperatorKey(ParseResult parse) =>
        parse.GetValue(AdminKey) is { Length: > 0 } key ? key : throw new UsageException("the operator key is needed: --admin-key or BROADCAST_ADMIN_KEY");
}
