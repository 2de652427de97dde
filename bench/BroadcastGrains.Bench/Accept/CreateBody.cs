using System.Globalization;
using System.Text;

namespace BroadcastGrains.Bench.Accept;

/// <summary>The create body, written once into a byte[]: a one-segment GSM-7 text to inline E.164 strings.</summary>
internal static class CreateBody
{
    public static byte[] Build(string name, long[] numbers, bool dryRun = false)
    {
        var json = new StringBuilder(64 + (numbers.Length * 16));
        json.Append(CultureInfo.InvariantCulture,
            $"{{\"name\":\"{name}\",\"from\":\"{Hosting.BenchApi.SenderName}\",\"body\":\"Bench message: 20% off today\",");
        if (dryRun)
        {
            json.Append("\"dryRun\":true,");
        }
        json.Append("\"recipients\":[");
        for (var i = 0; i < numbers.Length; i++)
        {
            json.Append(i == 0 ? "\"+" : ",\"+").Append(numbers[i]).Append('"');
        }
        json.Append("]}");
        return Encoding.UTF8.GetBytes(json.ToString());
    }
}
