namespace BroadcastGrains.Broadcasts;

/// <summary>
/// An expected refusal, as a value: a machine-readable <see cref="Code"/> from API.md (the HTTP layer maps it to a status),
/// a human <see cref="Detail"/>, and per-field messages for validation errors.
/// </summary>
[GenerateSerializer, Immutable, Alias("broadcast-error")]
public sealed record BroadcastError(
    [property: Id(0)] string Code,
    [property: Id(1)] string Detail,
    [property: Id(2)] IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>A validation error naming every field at fault; the detail joins their messages.</summary>
    public static BroadcastError Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(ErrorCodes.ValidationFailed, string.Join("; ", errors.Values.SelectMany(m => m)), errors);

    /// <summary>A validation error on one field.</summary>
    public static BroadcastError Field(string code, string field, string message) =>
        new(code, message, new Dictionary<string, string[]> { [field] = [message] });
}
