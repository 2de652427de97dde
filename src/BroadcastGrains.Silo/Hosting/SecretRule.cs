namespace BroadcastGrains.Silo.Hosting;

/// <summary>
/// Whether a configured operator key or carrier secret may guard a real (PostgreSQL) deployment: at least
/// <see cref="MinimumLength"/> characters and none of the values this repository itself shows as examples — those are
/// public, so a silo running with one is open to anyone who read the README.
/// </summary>
internal static class SecretRule
{
    public const int MinimumLength = 24;

    /// <summary>Values shown in README, docker-compose.yml and deploy/broadcast.env.example, and their old defaults.</summary>
    static readonly HashSet<string> Examples = new(StringComparer.OrdinalIgnoreCase)
    {
        "admin-secret",
        "change-me-admin-key",
        "change-me-carrier-secret",
        "replace-with-a-long-random-operator-key",
        "replace-with-a-long-random-carrier-secret",
    };

    /// <summary>Why <paramref name="value"/> is refused, or null when it is acceptable.</summary>
    public static string? Refusal(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (Examples.Contains(value.Trim()) || value.Contains("change-me", StringComparison.OrdinalIgnoreCase))
        {
            return "is an example value from this repository's documentation";
        }
        return value.Length < MinimumLength ? $"is {value.Length} characters; at least {MinimumLength} are needed" : null;
    }
}
