using System.Globalization;
using BroadcastGrains.Broadcasts;
using BroadcastGrains.PhoneNumbers;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>
/// 10,150 recipients as a client would send them: E.164 numbers of three countries, Ugandan national numbers, 20
/// entries that are no phone number, 150 duplicates (some written differently), the simulator's fixed-fate numbers,
/// and a few first names long enough to need two segments. Knows, independently of the cluster, what each recipient
/// must end as when every other number is delivered.
/// </summary>
internal sealed class RealisticMix
{
    public const string Body = "Hello {{first_name}}";
    public const string DefaultRegion = "UG";
    public const int Duplicates = 150;

    static readonly string[] NotNumbers =
    [
        "not-a-number", "+1555", "+4420", "+99912345678", "call me", "n/a", "tbd", "???", "none", "unknown",
        "ask reception", "see notes", "-", "ringback", "mobile", "office", "home", "fax", "landline", "later",
    ];

    public required RecipientList Recipients { get; init; }

    /// <summary>Each kept recipient by what the API shows as its <c>to</c>.</summary>
    public required IReadOnlyDictionary<string, Expected> ByRecipient { get; init; }

    public sealed record Expected(RecipientStatus Status, string? Country, int Segments);

    public static RealisticMix Build()
    {
        var valid = new List<(string Typed, long E164, string Country)>();
        void Block(string country, long first, int count, Func<int, string>? typed = null)
        {
            for (var i = 0; i < count; i++)
            {
                valid.Add((typed?.Invoke(i) ?? "+" + (first + i).ToString(CultureInfo.InvariantCulture), first + i, country));
            }
        }
        Block("US", 1_212_234_0000, 5000);
        Block("US", 1_212_235_0000, 1000);
        Block("GB", 44_7400_000000, 1500);
        Block("UG", 256_772_000000, 1500);
        Block("UG", 256_772_100000, 980, i => string.Create(CultureInfo.InvariantCulture, $"0772 10{i:D4}"));

        var names = valid.ToDictionary(v => v.E164, v => NameFor(v.E164));
        var entries = valid.Select(v => (v.Typed, Name: (string?)names[v.E164])).ToList();
        entries.AddRange(NotNumbers.Select(text => (text, (string?)null)));
        // Duplicates, written as people paste them: formatted E.164 and national forms of numbers already in the list.
        entries.AddRange(Enumerable.Range(100, 100).Select(i =>
            (string.Create(CultureInfo.InvariantCulture, $"+1 (212) 234-0{i:D3}"), (string?)names[1_212_234_0000 + i])));
        entries.AddRange(Enumerable.Range(200, 50).Select(i =>
            (string.Create(CultureInfo.InvariantCulture, $"0772 000 {i:D3}"), (string?)names[256_772_000000 + i])));

        // Shuffled (reproducibly) so every partition gets some of each kind.
        var shuffle = new Random(2024);
        var recipients = new RecipientList();
        foreach (var (typed, name) in entries.OrderBy(_ => shuffle.Next()))
        {
            recipients.Add(typed, name);
        }

        var expected = new Dictionary<string, Expected>(StringComparer.Ordinal);
        foreach (var (_, e164, country) in valid)
        {
            Assert.Equal(country, PhoneNumberClassifier.Shared.ValidRegionOf(e164));
            var status = (e164 % 10_000) switch
            {
                1 => RecipientStatus.Failed,
                2 => RecipientStatus.Blocked,
                3 => RecipientStatus.Expired,
                _ => RecipientStatus.Delivered,
            };
            expected.Add(PhoneNumberClassifier.Format(e164), new Expected(status, country, SegmentsOf("Hello " + names[e164])));
        }
        foreach (var text in NotNumbers)
        {
            Assert.True(!PhoneNumberClassifier.Shared.TryNormalize(text, DefaultRegion, out var number)
                || PhoneNumberClassifier.Shared.ValidRegionOf(number) is null, $"'{text}' is a valid number");
            expected.Add(text, new Expected(RecipientStatus.Invalid, null, 0));
        }
        return new RealisticMix { Recipients = recipients, ByRecipient = expected };
    }

    /// <summary>Every 97th person has a name long enough to push the message past one GSM-7 segment.</summary>
    static string NameFor(long e164) => e164 % 97 == 0 ? new string('x', 200) : "Ann";

    /// <summary>GSM-7 text (the names are plain letters): 160 characters in one segment, else 153 per part.</summary>
    static int SegmentsOf(string text) => text.Length <= 160 ? 1 : (text.Length + 152) / 153;

    public int Count(RecipientStatus status) => ByRecipient.Values.Count(e => e.Status == status);
}
