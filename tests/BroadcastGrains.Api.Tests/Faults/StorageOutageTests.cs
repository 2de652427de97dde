using System.Net.Sockets;
using BroadcastGrains.Silo.Faults;
using Npgsql;
using Orleans.Runtime;

namespace BroadcastGrains.Api.Tests.Faults;

/// <summary>Which failures the API answers 503 STORAGE_UNAVAILABLE (the database is unreachable) rather than 500.</summary>
public sealed class StorageOutageTests
{
    static readonly NpgsqlException Refused = new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    [Fact]
    public void A_refused_connection_is_an_outage_bare_or_wrapped_by_a_grain_call()
    {
        Assert.True(StorageOutage.IsCause(Refused));
        Assert.True(StorageOutage.IsCause(new OrleansException("Error activating grain", Refused)));
        Assert.True(StorageOutage.IsCause(new AggregateException(new InvalidOperationException("other"), Refused)));
    }

    [Theory]
    [InlineData("57P01")] // admin_shutdown: pg_ctl stop -m fast
    [InlineData("57P03")] // cannot_connect_now: the server is starting
    [InlineData("08006")] // connection_failure
    public void A_server_shutting_down_or_starting_is_an_outage(string sqlState) =>
        Assert.True(StorageOutage.IsCause(new PostgresException("shutting down", "FATAL", "FATAL", sqlState)));

    [Theory]
    [InlineData("23505")] // unique_violation: a bug or a race, not an outage
    [InlineData("42P01")] // undefined_table: a schema that was not migrated
    public void A_query_the_server_refused_stays_an_error(string sqlState) =>
        Assert.False(StorageOutage.IsCause(new PostgresException("refused", "ERROR", "ERROR", sqlState)));

    [Fact]
    public void Other_failures_stay_errors() =>
        Assert.False(StorageOutage.IsCause(new InvalidOperationException("bug", new TimeoutException())));
}
