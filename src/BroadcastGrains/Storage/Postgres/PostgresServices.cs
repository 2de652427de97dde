using BroadcastGrains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using BroadcastGrains.Partitions.Journal;
using BroadcastGrains.Partitions.Rows;
using Npgsql;

namespace BroadcastGrains.Storage.Postgres;

/// <summary>Registers what the project's own PostgreSQL access needs: options, one pooled data source, the probe.</summary>
public static class PostgresServices
{
    /// <summary>
    /// Adds <see cref="PostgresOptions"/> (validated at start), a singleton <see cref="NpgsqlDataSource"/> for the
    /// project's own tables, the <see cref="SchemaMigrator"/> and the readiness probe.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services)
    {
        services.AddSettings<PostgresOptions>(PostgresOptions.Section);
        services.TryAddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.ConnectionString));
        services.TryAddSingleton<SchemaMigrator>();
        services.AddSingleton<IPartitionJournal, PostgresPartitionJournal>();
        services.AddSingleton<IRecipientRowStore, PostgresRecipientRows>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStorageProbe, PostgresProbe>());
        return services;
    }
}
