using System.Data.Common;
using BroadcastGrains.Silo.Hosting;
using BroadcastGrains.Storage;
using BroadcastGrains.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace BroadcastGrains.Silo.Storage;

/// <summary>
/// <c>Broadcast__Storage=Postgres</c>: membership, grain state and reminders through Orleans' ADO.NET providers on the
/// project's own schema (<c>src/BroadcastGrains/Storage/Postgres/Scripts</c>, applied by <c>migrate</c>). Every silo of
/// the cluster points at the same database; each advertises the address the others reach it at (see ClusterEndpoints).
/// </summary>
internal static class PostgresSilo
{
    public static void Configure(ISiloBuilder silo)
    {
        // Orleans finds ADO.NET providers by invariant name; registering the factory avoids its assembly probing.
        DbProviderFactories.RegisterFactory(PostgresOptions.Invariant, NpgsqlFactory.Instance);
        silo.Services.AddPostgresStorage();

        silo.UseAdoNetClustering(o => o.Configure<IOptions<PostgresOptions>>((options, pg) =>
        {
            options.Invariant = PostgresOptions.Invariant;
            options.ConnectionString = pg.Value.ConnectionString;
        }));
        foreach (var name in new[] { StorageNames.Grains, StorageNames.Recipients })
        {
            silo.AddAdoNetGrainStorage(name, o => o.Configure<IOptions<PostgresOptions>>((options, pg) =>
            {
                options.Invariant = PostgresOptions.Invariant;
                options.ConnectionString = pg.Value.ConnectionString;
            }));
            silo.Services.UseBinaryGrainState<AdoNetGrainStorageOptions>(name);
        }
        silo.UseAdoNetReminderService(o => o.Configure<IOptions<PostgresOptions>>((options, pg) =>
        {
            options.Invariant = PostgresOptions.Invariant;
            options.ConnectionString = pg.Value.ConnectionString;
        }));
    }
}
