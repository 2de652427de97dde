using System.Globalization;
using System.Text.RegularExpressions;

namespace BroadcastGrains.Cli.Tests.Operations;

/// <summary>A <c>/metrics</c> scrape read as a person reading it would: sample name, outcome label, value.</summary>
internal sealed partial class PrometheusText
{
    readonly Dictionary<string, double> _samples = new(StringComparer.Ordinal);

    PrometheusText(string text)
    {
        Text = text;
        foreach (Match m in Sample().Matches(text))
        {
            var outcome = Outcome().Match(m.Groups["labels"].Value) is { Success: true } o ? "|" + o.Groups[1].Value : "";
            var key = m.Groups["name"].Value + outcome;
            _samples[key] = _samples.GetValueOrDefault(key) + double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
    }

    public string Text { get; }

    public IEnumerable<string> Names => _samples.Keys;

    public static async Task<PrometheusText> ScrapeAsync(Uri silo)
    {
        using var http = new HttpClient { BaseAddress = silo };
        return new PrometheusText(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
    }

    public double this[string name, string? outcome = null] => _samples.GetValueOrDefault(outcome is null ? name : $"{name}|{outcome}");

    public override string ToString() =>
        string.Join(", ", _samples.Where(s => s.Key.StartsWith("broadcast_", StringComparison.Ordinal)).Select(s => $"{s.Key}={s.Value}"));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})? (?<value>[-+0-9.eE]+|NaN|\+Inf)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    [GeneratedRegex("broadcast_message_outcome=\"([a-z_]+)\"")]
    private static partial Regex Outcome();
}
