using System.Diagnostics;

namespace BroadcastGrains.Testing.Postgres;

/// <summary>
/// The machine's PostgreSQL server programs (<c>initdb</c>, <c>pg_ctl</c>) and the OS user that runs them: PostgreSQL
/// refuses to run as root, so a root test run creates (once) and uses a dedicated system user.
/// Linkable into any test project: it depends on nothing but the BCL.
/// </summary>
internal sealed class PostgresBinaries
{
    /// <summary>The system user a root test run starts PostgreSQL as.</summary>
    public const string ServiceUser = "bgpgtest";

    PostgresBinaries(string directory, string? runAs)
    {
        Directory = directory;
        RunAs = runAs;
    }

    /// <summary>The folder holding <c>initdb</c> and <c>pg_ctl</c>.</summary>
    public string Directory { get; }

    /// <summary>The user the server runs as when this process is root; null when it runs as this process's user.</summary>
    public string? RunAs { get; }

    /// <summary>Finds the programs (PATH, then Debian's and source-build folders) and settles the user.</summary>
    public static PostgresBinaries Find()
    {
        var directory = Candidates().FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server programs (initdb, pg_ctl) were not found on PATH, in /usr/lib/postgresql/*/bin or in "
                + "/usr/local/bin. The PostgreSQL tests start a private server and need them: on Debian, "
                + "`apt-get install -y postgresql` (.ci/run does this).");
        return new PostgresBinaries(directory, Environment.UserName == "root" ? EnsureServiceUser() : null);
    }

    /// <summary>Runs a server program (as <see cref="RunAs"/> when set); throws with its output when it fails.</summary>
    public Task<string> RunAsync(string program, params string[] arguments)
    {
        var path = Locate(program);
        return ProcessRunner.RunAsync(RunAs is null ? path : "runuser", RunAs is null ? arguments : ["-u", RunAs, "--", path, .. arguments]);
    }

    /// <summary>
    /// A program beside <c>initdb</c>; else beside the file <c>initdb</c> links to (a /usr/local/bin that links only the
    /// server programs into Debian's folder, which also holds <c>pg_dump</c>); else its bare name, found on PATH.
    /// </summary>
    string Locate(string program)
    {
        var beside = Path.Combine(Directory, program);
        if (File.Exists(beside))
        {
            return beside;
        }
        var target = new FileInfo(Path.Combine(Directory, "initdb")).ResolveLinkTarget(returnFinalTarget: true);
        var linked = target is null ? null : Path.Combine(Path.GetDirectoryName(target.FullName)!, program);
        return linked is not null && File.Exists(linked) ? linked : program;
    }

    /// <summary>Gives <paramref name="path"/> (recursively) to the server's user, so the server can own its data.</summary>
    public async Task GiveAsync(string path)
    {
        if (RunAs is not null)
        {
            await ProcessRunner.RunAsync("chown", "-R", RunAs, path);
        }
    }

    static IEnumerable<string> Candidates()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return dir;
        }
        const string debian = "/usr/lib/postgresql";
        if (System.IO.Directory.Exists(debian))
        {
            // Newest major version first: /usr/lib/postgresql/17/bin before /usr/lib/postgresql/15/bin.
            foreach (var version in System.IO.Directory.GetDirectories(debian)
                         .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            {
                yield return Path.Combine(version, "bin");
            }
        }
        yield return "/usr/local/bin";
        yield return "/usr/local/pgsql/bin";
    }

    static string EnsureServiceUser()
    {
        using var probe = Process.Start(new ProcessStartInfo("id", ["-u", ServiceUser])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        probe.WaitForExit();
        if (probe.ExitCode != 0)
        {
            ProcessRunner.RunAsync("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ServiceUser)
                .GetAwaiter().GetResult();
        }
        return ServiceUser;
    }
}
