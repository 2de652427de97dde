using System.Security.Cryptography;
using BroadcastGrains.Hosting;
using BroadcastGrains.Silo.Auth;

namespace BroadcastGrains.Silo.Hosting;

/// <summary>
/// The operator key and carrier secret: from configuration, or random for this run and printed once so the person who
/// started the silo can use it (API.md: "a random key, printed once at start-up").
/// </summary>
internal static class StartupSecrets
{
    const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static void AddStartupSecrets(this IServiceCollection services, IConfiguration configuration)
    {
        var admin = configuration[$"{BroadcastOptions.Section}:AdminKey"];
        var carrier = configuration[$"{BroadcastOptions.Section}:CarrierSecret"];
        if (string.IsNullOrEmpty(admin))
        {
            admin = "adm_" + RandomNumberGenerator.GetString(Alphabet, 40);
            Console.WriteLine($"Broadcast__AdminKey was not set; the operator key for this run is: {admin}");
        }
        if (string.IsNullOrEmpty(carrier))
        {
            carrier = RandomNumberGenerator.GetString(Alphabet, 40);
            Console.WriteLine($"Broadcast__CarrierSecret was not set; the carrier callback secret for this run is: {carrier}");
        }
        services.AddSingleton(new OperatorKey(admin));
        services.AddSingleton(new CarrierSecret(carrier));
    }
}
