using Npgsql;
using Orleans.Serialization;

namespace BroadcastGrains.Silo.Faults;

/// <summary>
/// Whether an exception means PostgreSQL could not be reached (a stopped or restarting server, a broken connection),
/// anywhere in its chain: grain calls hand it back wrapped (an activation that failed to load its state, an aggregate)
/// or, from another silo, as Orleans' stand-in for an exception type it did not deserialize. Such a call changed
/// nothing durable, so the API answers 503 <c>STORAGE_UNAVAILABLE</c> and the client retries; a constraint violation
/// or a bad query is a bug and stays a 500.
/// </summary>
internal static class StorageOutage
{
    /// <summary>SQLSTATE classes and codes of a server that is unreachable, shutting down or starting.</summary>
    static readonly string[] UnavailableStates = ["08", "57P01", "57P02", "57P03", "53300"];

    const int MaxDepth = 16;

    public static bool IsCause(Exception exception) => Search(exception, 0);

    static bool Search(Exception? exception, int depth)
    {
        if (exception is null || depth > MaxDepth)
        {
            return false;
        }
        if (Matches(exception))
        {
            return true;
        }
        if (exception is AggregateException aggregate)
        {
            return aggregate.InnerExceptions.Any(e => Search(e, depth + 1));
        }
        return Search(exception.InnerException, depth + 1);
    }

    static bool Matches(Exception exception) => exception switch
    {
        PostgresException postgres => UnavailableStates.Any(s => postgres.SqlState.StartsWith(s, StringComparison.Ordinal)),
        // Npgsql's own failures without a server answer: refused or broken connections, timeouts opening one.
        NpgsqlException => true,
        UnavailableExceptionFallbackException fallback =>
            fallback.ExceptionType?.StartsWith("Npgsql.NpgsqlException", StringComparison.Ordinal) == true,
        _ => false,
    };
}
