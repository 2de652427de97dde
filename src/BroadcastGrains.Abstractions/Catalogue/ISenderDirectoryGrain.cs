namespace BroadcastGrains.Catalogue;

/// <summary>
/// Which clients own a sender name, so an inbound message to that name finds its client(s). Keyed by the normalised
/// name (<see cref="SenderNameKeys.Of"/>).
/// </summary>
[Alias("sender-directory")]
public interface ISenderDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Adds (or, with <paramref name="owns"/> false, removes) a client as owner of the name.</summary>
    [Alias("set")]
    Task SetAsync(string clientId, bool owns);

    /// <summary>The clients that own the name.</summary>
    [Alias("clients")]
    Task<IReadOnlyList<string>> GetClientsAsync();
}

/// <summary>Keys of <see cref="ISenderDirectoryGrain"/>: alphanumeric names ignore case; numbers are <c>+digits</c>.</summary>
public static class SenderNameKeys
{
    /// <summary>The directory key of a sender name as a client or a carrier spells it.</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        var digits = trimmed.TrimStart('+');
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) ? "+" + digits : trimmed.ToUpperInvariant();
    }
}
