namespace BroadcastGrains.Broadcasts;

/// <summary>
/// Sizes a create, precheck or contact upload may not pass (API.md and docs/api.md "Limits"). Readers check them as
/// they read, so a request over one is refused before its excess costs memory.
/// </summary>
public static class RequestLimits
{
    /// <summary>Distinct variable names in one request or list upload (API.md); more is <c>TOO_MANY_VARIABLES</c>.</summary>
    public const int MaxVariableNames = 50;

    /// <summary>Characters of one variable value (API.md).</summary>
    public const int MaxVariableValueLength = 500;

    /// <summary>Characters of one variable name: a placeholder never needs more.</summary>
    public const int MaxVariableNameLength = 64;

    /// <summary>Characters of one recipient string: E.164 is 16, a national number with spaces and dashes far less than this.</summary>
    public const int MaxRecipientLength = 64;

    /// <summary>Media URLs of one MMS (API.md).</summary>
    public const int MaxMediaUrls = 10;

    /// <summary>Characters of one media URL.</summary>
    public const int MaxMediaUrlLength = 2048;

    /// <summary>Contact lists one broadcast names.</summary>
    public const int MaxListIds = 20;

    /// <summary>Characters of one list id.</summary>
    public const int MaxListIdLength = 200;

    /// <summary>
    /// Characters of any other string field as read (name, from, body, templateName, region, zone, rule): far above
    /// each field's own rule (body 1,600, name 200), which the grain checks with its own message; this only stops a
    /// single string from taking the whole 256 MB body.
    /// </summary>
    public const int MaxFieldLength = 10_000;
}
