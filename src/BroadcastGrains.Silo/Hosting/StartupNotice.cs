using BroadcastGrains.Hosting;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Silo.Hosting;

/// <summary>Says at start-up what kind of silo this is, loudly when nothing it holds survives a restart.</summary>
internal static partial class StartupNotice
{
    public static void Log(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<BroadcastOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BroadcastGrains.Silo");
        if (options.Storage == StorageKind.Memory)
        {
            NotDurable(logger);
        }
        Carrier(logger, options.Carrier.ToString());
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "IN-MEMORY STORAGE: clients, keys, wallets and broadcasts are NOT durable and vanish when this silo stops. Set Broadcast__Storage=Postgres for production.")]
    static partial void NotDurable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Carrier link: {Carrier}")]
    static partial void Carrier(ILogger logger, string carrier);
}
