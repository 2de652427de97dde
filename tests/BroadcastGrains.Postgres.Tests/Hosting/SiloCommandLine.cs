using System.Diagnostics;

namespace BroadcastGrains.Postgres.Tests.Hosting;

/// <summary>The command an operator types to run a silo: <c>dotnet BroadcastGrains.Silo.dll [migrate]</c> with its settings.</summary>
internal static class SiloCommandLine
{
    public static ProcessStartInfo Create(SiloEndpoints endpoints, string connectionString, string[] arguments)
    {
        var siloAssembly = BuildLayout.SiloAssemblyPath();
        var start = new ProcessStartInfo(DotnetHost())
        {
            // The content root is the working directory: run where the silo's appsettings.json is.
            WorkingDirectory = Path.GetDirectoryName(siloAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(siloAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in endpoints.Environment(connectionString))
        {
            start.Environment[name] = value;
        }
        return start;
    }

    // The test host usually runs under the dotnet muxer; use that same one so the silo gets the same runtime.
    static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
