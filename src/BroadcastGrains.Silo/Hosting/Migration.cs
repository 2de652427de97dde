using BroadcastGrains.Hosting;

namespace BroadcastGrains.Silo.Hosting;

/// <summary><c>migrate</c>: creates or upgrades the storage schema, then exits.</summary>
internal static class Migration
{
    public static int Run(IConfiguration configuration)
    {
        var storage = configuration.GetValue($"{BroadcastOptions.Section}:Storage", StorageKind.Memory);
        if (storage == StorageKind.Memory)
        {
            Console.WriteLine("Broadcast__Storage=Memory keeps everything in memory: there is no schema to migrate.");
            return 0;
        }
        Console.Error.WriteLine($"Broadcast__Storage={storage}: this build has no schema for it yet.");
        return 2;
    }
}
