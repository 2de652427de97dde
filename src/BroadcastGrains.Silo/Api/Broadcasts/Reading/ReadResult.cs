using System.Diagnostics.CodeAnalysis;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>
/// A request body read either into a value or into the refusal to send back; a malformed body is an expected
/// outcome of a public API, so it travels as a value rather than as an exception.
/// </summary>
internal sealed record ReadResult<T>(T? Value, BroadcastError? Error)
    where T : class
{
    /// <summary>True when <see cref="Value"/> is set and <see cref="Error"/> is not.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null && Value is not null;

    /// <summary>The body was well-formed and every field had its JSON type.</summary>
    public static ReadResult<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ReadResult<T>(value, null);
    }

    /// <summary>The body was refused; <paramref name="error"/> says why and where.</summary>
    public static ReadResult<T> Failure(BroadcastError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ReadResult<T>(null, error);
    }
}
