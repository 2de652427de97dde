using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace BroadcastGrains.Storage;

/// <summary>
/// How every grain storage provider of the silo stores state: the Orleans binary format through
/// <see cref="BinaryStateSerializer"/>, not the default JSON. Partition state is mostly large primitive arrays (20,000
/// numbers, statuses, segments), which JSON turns into megabytes of text and seconds of CPU per broadcast, while the
/// binary codec copies them. It is version tolerant through the [Id] members, and it names types by their [Alias]
/// rather than by CLR name, so renames do not orphan stored state. The test silos call this too, so a state type that
/// does not round-trip in this format fails a test rather than a deployment.
/// </summary>
public static class GrainStateFormat
{
    /// <summary>Makes the provider named <paramref name="storageName"/> (options <typeparamref name="TOptions"/>) store binary state.</summary>
    public static IServiceCollection UseBinaryGrainState<TOptions>(this IServiceCollection services, string storageName)
        where TOptions : class, IStorageProviderSerializerOptions
    {
        services.AddOptions<TOptions>(storageName).Configure<IServiceProvider>((o, sp) =>
            o.GrainStorageSerializer = ActivatorUtilities.CreateInstance<BinaryStateSerializer>(sp));
        return services;
    }
}
