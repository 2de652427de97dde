using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace BroadcastGrains.Testing.Postgres;

/// <summary>
/// A private PostgreSQL server for one test run: a fresh cluster in the temp folder, on 127.0.0.1 and a free port, its
/// unix socket beside its data, tuned for tests (no fsync). Tests share it and each takes databases of its own
/// (<see cref="CreateDatabaseAsync"/>). Disposing stops it (immediate mode) and deletes its folder; so does the end of
/// the test process, should nobody dispose it.
/// <para>To use it in another test project, link this folder's three files
/// (<c>&lt;Compile Include="..\BroadcastGrains.Postgres.Tests\Support\*.cs" LinkBase="Support" /&gt;</c>), reference
/// Npgsql, and hold one instance in a collection fixture.</para>
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    const string Superuser = "postgres";

    readonly PostgresBinaries _binaries;
    readonly string _root;
    int _stopped;

    PostgresServer(PostgresBinaries binaries, string root, int port)
    {
        _binaries = binaries;
        _root = root;
        Port = port;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    string DataDirectory => Path.Combine(_root, "data");

    /// <summary>initdb + pg_ctl start; fails with a clear message when PostgreSQL is not installed.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var binaries = PostgresBinaries.Find();
        var root = Path.Combine(Path.GetTempPath(), "bg-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var server = new PostgresServer(binaries, root, FreePort());
        AppDomain.CurrentDomain.ProcessExit += server.OnProcessExit;
        try
        {
            await binaries.GiveAsync(root);
            await binaries.RunAsync("initdb", "-D", server.DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8",
                "--no-sync", "--no-instructions");
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server as an operator's restart does (<c>pg_ctl stop -m fast</c>): connections are cut.</summary>
    public Task StopAsync() => _binaries.RunAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");

    /// <summary>Starts the server on its data and port (after <see cref="StopAsync"/>, or the first time).</summary>
    public Task StartAgainAsync()
    {
        var port = Port.ToString(CultureInfo.InvariantCulture);
        return _binaries.RunAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {_root} -c fsync=off -c synchronous_commit=off "
                  + "-c full_page_writes=off -c max_connections=300", "start");
    }

    /// <summary><c>pg_dump -Fc</c> of <paramref name="database"/> into a file of this server's folder; answers its path.</summary>
    public async Task<string> DumpAsync(string database)
    {
        var file = Path.Combine(_root, database + ".dump");
        await _binaries.RunAsync("pg_dump", "-Fc", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-U", Superuser, "-d", database, "-f", file);
        return file;
    }

    /// <summary><c>pg_restore --no-owner</c> of <paramref name="dumpFile"/> into the existing, empty <paramref name="database"/>.</summary>
    public async Task RestoreAsync(string dumpFile, string database)
    {
        await _binaries.GiveAsync(dumpFile);
        await _binaries.RunAsync("pg_restore", "--no-owner", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-U", Superuser, "-d", database, dumpFile);
    }

    /// <summary>A connection string to <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
    }.ConnectionString;

    /// <summary>A new empty database (named after <paramref name="prefix"/>); answers its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Runs <paramref name="sql"/> against the database of <paramref name="connectionString"/>.</summary>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            NpgsqlConnection.ClearAllPools();
            await StopAndDeleteAsync();
        }
    }

    void OnProcessExit(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            StopAndDeleteAsync().GetAwaiter().GetResult();
        }
    }

    async Task StopAndDeleteAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await _binaries.RunAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped: nothing to stop.
            }
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is cleaned by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
