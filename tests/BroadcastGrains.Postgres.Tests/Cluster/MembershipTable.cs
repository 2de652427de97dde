using Npgsql;

namespace BroadcastGrains.Postgres.Tests.Cluster;

/// <summary>Reads the Orleans membership table the silos write: which of them the cluster holds Active.</summary>
internal static class MembershipTable
{
    public static async Task<int[]> ActiveSiloPortsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        // 3 is Orleans' SiloStatus.Active, as the table stores it.
        await using var command = new NpgsqlCommand("SELECT port FROM orleans_membership WHERE status = 3", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ports = new List<int>();
        while (await reader.ReadAsync())
        {
            ports.Add(reader.GetInt32(0));
        }
        return [.. ports];
    }
}
