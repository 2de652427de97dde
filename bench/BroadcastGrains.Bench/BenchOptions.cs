using System.Globalization;

namespace BroadcastGrains.Bench;

/// <summary>The command line: <c>[--recipients N] [--storage memory|postgres|both] [--receipts N] [--pages N]</c>.</summary>
internal sealed record BenchOptions(int Recipients, bool Memory, bool Postgres, int Receipts, int Pages, int ReceiptDelayMs)
{
    public const int MaxRecipients = 2_000_000;

    public string StorageName => (Memory, Postgres) switch
    {
        (true, true) => "both",
        (false, true) => "postgres",
        _ => "memory",
    };

    /// <summary>Parses the arguments; null (after printing why) when they are wrong.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        var options = new BenchOptions(MaxRecipients, Memory: true, Postgres: false, Receipts: 500_000, Pages: 200, ReceiptDelayMs: 200);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--recipients" when Int(value) is { } n && n is > 0 and <= MaxRecipients:
                    options = options with { Recipients = n };
                    break;
                case "--storage" when value is "memory" or "postgres" or "both":
                    options = options with { Memory = value != "postgres", Postgres = value != "memory" };
                    break;
                case "--receipts" when Int(value) is { } r && r >= 0:
                    options = options with { Receipts = r };
                    break;
                case "--pages" when Int(value) is { } p && p > 0:
                    options = options with { Pages = p };
                    break;
                case "--receipt-delay-ms" when Int(value) is { } d && d >= 0:
                    options = options with { ReceiptDelayMs = d };
                    break;
                default:
                    Console.Error.WriteLine($"Unknown or invalid argument '{args[i]}'.");
                    Console.Error.WriteLine("Usage: BroadcastGrains.Bench [--recipients N (1…2000000, default 2000000)] "
                        + "[--storage memory|postgres|both (default memory)] [--receipts N (default 500000)] "
                        + "[--pages N (default 200)] [--receipt-delay-ms N (default 200)]");
                    return null;
            }
            i++;
        }
        return options;
    }

    static int? Int(string? text) =>
        int.TryParse(text?.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
