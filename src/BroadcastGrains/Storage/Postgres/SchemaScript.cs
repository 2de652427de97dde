using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace BroadcastGrains.Storage.Postgres;

/// <summary>
/// One step of the PostgreSQL schema: an embedded <c>Scripts/NNN_name.sql</c>. Its number is the schema version it
/// brings the database to; a step, once released, is never edited: a change is a new step.
/// </summary>
/// <param name="Version">The schema version after this step (the file's number).</param>
/// <param name="Name">The file name, recorded with the version.</param>
/// <param name="Sql">The statements, run in the migration's transaction.</param>
public sealed record SchemaScript(int Version, string Name, string Sql)
{
    const string ResourcePrefix = "BroadcastGrains.Storage.Postgres.Scripts.";

    /// <summary>SHA-256 of the script text, so that an edited step that was already applied is noticed.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>Every step this build ships, in order.</summary>
    public static IReadOnlyList<SchemaScript> All { get; } = Load();

    /// <summary>The schema version this build needs: its last step's.</summary>
    public static int LatestVersion => All[^1].Version;

    static SchemaScript[] Load()
    {
        var assembly = typeof(SchemaScript).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n))
            .OrderBy(s => s.Version)
            .ToArray();
        for (var i = 0; i < scripts.Length; i++)
        {
            // Versions are 1, 2, 3, …: a gap or a duplicate is a packaging mistake, caught before it touches a database.
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Schema scripts must be numbered 1, 2, 3, … without gaps; found {scripts[i].Name} at position {i + 1}.");
            }
        }
        return scripts.Length > 0 ? scripts : throw new InvalidOperationException("No schema scripts are embedded.");
    }

    static SchemaScript Read(Assembly assembly, string resource)
    {
        var name = resource[ResourcePrefix.Length..];
        var digits = name.TakeWhile(char.IsAsciiDigit).ToArray();
        if (digits.Length == 0)
        {
            throw new InvalidOperationException($"Schema script '{name}' does not start with its version number.");
        }
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new SchemaScript(int.Parse(digits, CultureInfo.InvariantCulture), name, reader.ReadToEnd());
    }
}
