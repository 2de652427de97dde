using System.Globalization;
using System.Text;

namespace BroadcastGrains.Cli.Tests.Hosting;

/// <summary>Recipient files as people export them: CSV with a phone column and a variable column.</summary>
internal static class NumberFiles
{
    // US numbers +1 AAA 555 NNNN in real area codes; none ends in the simulator's fixed-outcome 0001…0003.
    static readonly int[] AreaCodes = [212, 213, 312, 415, 617, 646, 718, 202, 305, 404, 503, 602];

    public static string WriteCsv(int count)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cli-tests-{Guid.NewGuid():N}.csv");
        var text = new StringBuilder("phone,first_name\n");
        var written = 0;
        foreach (var area in AreaCodes)
        {
            for (var line = 4; line < 10_000 && written < count; line++, written++)
            {
                text.Append(CultureInfo.InvariantCulture, $"+1{area}555{line:D4},Ann{written}\n");
            }
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
