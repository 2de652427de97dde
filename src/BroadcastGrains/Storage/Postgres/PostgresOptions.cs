using System.ComponentModel.DataAnnotations;

namespace BroadcastGrains.Storage.Postgres;

/// <summary>
/// The PostgreSQL connection of <c>Broadcast__Storage=Postgres</c>: <c>ConnectionStrings__Postgres</c>, an Npgsql
/// connection string (API.md "Running and configuration"). Bound to the <c>ConnectionStrings</c> section, so the
/// property carries the connection's name.
/// </summary>
public sealed class PostgresOptions
{
    /// <summary>The section the connection string lives in.</summary>
    public const string Section = "ConnectionStrings";

    /// <summary>The ADO.NET invariant Orleans' providers look the Npgsql factory up by.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>The Npgsql connection string.</summary>
    [Required(ErrorMessage = "Broadcast__Storage=Postgres needs ConnectionStrings__Postgres (an Npgsql connection string).")]
    public string? Postgres { get; set; }

    /// <summary>The connection string, once validated.</summary>
    public string ConnectionString => Postgres ?? throw new InvalidOperationException("ConnectionStrings__Postgres is not set.");
}
