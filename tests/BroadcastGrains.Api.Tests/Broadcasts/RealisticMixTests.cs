using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BroadcastGrains.Api.Tests.Hosting;
using BroadcastGrains.PhoneNumbers;

namespace BroadcastGrains.Api.Tests.Broadcasts;

/// <summary>
/// 10,000 recipients the way real lists arrive: several countries, a country without a route, typos, random digits
/// that may or may not be numbers, formatted and repeated numbers, and the simulator's fixed-outcome numbers. What
/// each recipient must end as is worked out here independently (libphonenumber says which numbers are valid), then
/// compared with what the API reports, recipient by recipient and credit by credit.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RealisticMixTests(ApiFixture api)
{
    const int EntryCount = 10_000;
    const decimal Opening = 1000m;
    const decimal KenyaPrice = 0.0123m;

    [Fact]
    public async Task Ten_thousand_mixed_recipients_complete_with_counts_and_money_matching_the_input()
    {
        using var admin = api.Operator();
        // Kenya gets a price of its own and the Falklands no route; no other test sends to either.
        using var pricesResponse = await admin.PutJsonAsync("/v1/admin/prices",
            new { countries = new Dictionary<string, decimal?> { ["KE"] = KenyaPrice, ["FK"] = null } });
        var prices = await pricesResponse.ReadJsonAsync(HttpStatusCode.OK);
        using var tenant = await Tenant.CreateAsync(api, Opening);
        var mix = Mix.Generate(new Random(20_250_601));
        var body = CreateBodies.Body([.. mix.Entries]);
        body["onDuplicate"] = "skip";

        var created = await tenant.SendAsync(body);
        var id = created.Str("id");
        var done = await tenant.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(90));

        var expected = mix.Expected();
        Assert.True(expected.Count(r => r.Status == "failed") > 0 && expected.Count(r => r.Status == "expired") > 0
            && expected.Count(r => r.Status == "blocked") > 0 && expected.Count(r => r.Status == "invalid") > 0,
            "the mix exercises every fixed outcome");
        Assert.Equal(expected.Count, done.Long("recipientCount"));
        Assert.Equal(EntryCount - expected.Count, done.Long("duplicateCount"));
        Assert.Equal(expected.Count(r => r.Status == "invalid"), done.Long("invalidCount"));

        // drSummary: adds up, and each status holds exactly the recipients the input says it should.
        var summary = done["drSummary"]!.AsObject();
        Assert.Equal(expected.Count, summary.Sum(p => p.Value!.GetValue<long>()));
        foreach (var (status, key) in StatusKeys)
        {
            Assert.True(expected.Count(r => r.Status == status) == summary[key]!.GetValue<long>(),
                $"{key}: expected {expected.Count(r => r.Status == status)}, reported {summary[key]}");
        }

        // Recipient by recipient, paging across partition boundaries (2,000 a partition, 777 a page).
        var recipients = await tenant.RecipientsAsync(id, pageSize: 777);
        Assert.Equal(expected.Count, recipients.Count);
        var reported = recipients.ToDictionary(r => r.Str("to"), r => r.Str("status"));
        Assert.Equal(expected.Count, reported.Count);
        foreach (var recipient in expected)
        {
            Assert.True(reported.TryGetValue(recipient.To, out var status), $"{recipient.To} is missing");
            Assert.True(recipient.Status == status, $"{recipient.To}: expected {recipient.Status}, reported {status}");
        }

        // Money: estimated over every routable valid number, spent over every one the carrier accepted.
        decimal PriceOf(string region) => prices["countries"]!.AsObject().TryGetPropertyValue(region, out var p)
            ? p!.GetValue<decimal>()
            : prices.Dec("defaultPerSegment");
        var routable = expected.Where(r => r.Region is not null and not "FK").ToList();
        var accepted = expected.Where(r => r.Status is "delivered" or "failed" or "expired").ToList();
        var spent = accepted.Sum(r => PriceOf(r.Region!));
        Assert.Equal(routable.Sum(r => PriceOf(r.Region!)), done.Dec("estimatedCredits"));
        Assert.Equal(spent, done.Dec("spentCredits"));
        Assert.Equal(0m, done.Dec("refundedCredits"));
        Assert.Equal(0m, done.Dec("heldCredits"));
        foreach (var country in done.Arr("breakdown").Select(b => b!))
        {
            var code = country.Str("countryCode");
            Assert.Equal(routable.Count(r => r.Region == code), country.Long("recipients"));
            Assert.Equal(PriceOf(code), country.Dec("pricePerSegment"));
        }
        Assert.Equal(routable.Select(r => r.Region).Distinct().Order(), done.Arr("breakdown").Select(b => b!.Str("countryCode")).Order());
        Assert.Contains(done.Arr("breakdown"), b => b!.Str("countryCode") == "KE");
        Assert.All(recipients.Where(r => r.Str("status") is "invalid" or "blocked"), r => Assert.Equal(0m, r.Dec("credits")));

        var ledger = await tenant.LedgerAsync();
        Assert.Equal(-spent, ledger.Where(e => e.Str("kind") == "capture" && e["broadcastId"]?.GetValue<string>() == id).Sum(e => e.Dec("amount")));
        var wallet = await tenant.WalletAsync();
        Assert.Equal(0m, wallet.Dec("held"));
        Assert.Equal(Opening - spent, wallet.Dec("balance"));
        await tenant.AssertLedgerAddsUpAsync();
        Assert.Equal(0, api.Carrier.DuplicateSubmissions);
    }

    static readonly (string Status, string Key)[] StatusKeys =
    [
        ("pending", "pending"), ("queued", "queued"), ("sent", "sent"), ("delivered", "delivered"), ("failed", "failed"),
        ("expired", "expired"), ("timeout", "timeout"), ("invalid", "invalid"), ("blocked", "blocked"),
        ("opted_out", "optedOut"), ("cancelled", "cancelled"),
    ];

    /// <summary>One kept recipient as the API should show it.</summary>
    sealed record ExpectedRecipient(string To, string Status, string? Region);

    /// <summary>The request's recipient entries, each with the E.164 number it stands for (0 for text that is no number).</summary>
    sealed class Mix
    {
        readonly List<(string Entry, long Number)> _entries = new(EntryCount);

        public IEnumerable<string> Entries => _entries.Select(e => e.Entry);

        public static Mix Generate(Random random)
        {
            var mix = new Mix();
            var us = CreateBodies.ValidNumbers(12125550100, 4000);
            var gb = CreateBodies.ValidNumbers(447400100000, 2000);
            var de = CreateBodies.ValidNumbers(4915123400000, 1500);
            var ke = CreateBodies.ValidNumbers(254712100000, 1000);
            var fk = CreateBodies.ValidNumbers(50051000, 30);
            foreach (var number in us.Concat(gb).Concat(de).Concat(ke).Concat(fk))
            {
                mix.Add(number);
            }
            // Numbers ending 0001, 0002, 0003: the simulator fails, refuses at submit, expires them.
            for (var exchange = 20; exchange < 80; exchange++)
            {
                for (var suffix = 1; suffix <= 3; suffix++)
                {
                    mix.Add(12125000000 + (exchange * 10_000L) + suffix);
                }
            }
            // Ten random digits after +1: libphonenumber alone says which are numbers.
            for (var i = 0; i < 470; i++)
            {
                mix.Add(10_000_000_000 + random.NextInt64(1_000_000_000, 10_000_000_000));
            }
            // Typed text that is no number at all (no digits), each different.
            for (var i = 0; i < 150; i++)
            {
                mix._entries.Add(($"guest {(char)('a' + (i / 26))}{(char)('a' + (i % 26))}", 0));
            }
            // Fresh British numbers as people type them.
            foreach (var number in CreateBodies.ValidNumbers(447400900000, 100))
            {
                mix._entries.Add((Spaced(number), number));
            }
            // The rest repeat earlier numbers, exactly or formatted.
            var valid = us.Concat(gb).Concat(de).ToList();
            while (mix._entries.Count < EntryCount)
            {
                var number = valid[random.Next(valid.Count)];
                mix._entries.Add(random.Next(2) == 0 ? (CreateBodies.E164(number), number) : (Spaced(number), number));
            }
            // Shuffled: which copy of a duplicate is kept changes nothing a test can see.
            for (var i = mix._entries.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (mix._entries[i], mix._entries[j]) = (mix._entries[j], mix._entries[i]);
            }
            return mix;
        }

        /// <summary>The recipients kept after de-duplication and the status each must end in.</summary>
        public List<ExpectedRecipient> Expected()
        {
            var seen = new HashSet<long>();
            var kept = new List<ExpectedRecipient>();
            foreach (var (entry, number) in _entries)
            {
                if (number == 0)
                {
                    kept.Add(new ExpectedRecipient(entry, "invalid", null));
                    continue;
                }
                if (!seen.Add(number))
                {
                    continue;
                }
                var region = PhoneNumberClassifier.Shared.ValidRegionOf(number);
                var status = region switch
                {
                    null => "invalid",
                    "FK" => "blocked",
                    _ => (number % 10_000) switch
                    {
                        1 => "failed",
                        2 => "blocked",
                        3 => "expired",
                        _ => "delivered",
                    },
                };
                kept.Add(new ExpectedRecipient(CreateBodies.E164(number), status, region));
            }
            return kept;
        }

        void Add(long number) => _entries.Add((CreateBodies.E164(number), number));

        /// <summary>"+44 7400 100123": the country code, then the rest in groups of four.</summary>
        static string Spaced(long number)
        {
            var digits = number.ToString(CultureInfo.InvariantCulture);
            var code = digits.StartsWith('1') ? 1 : digits.StartsWith("44", StringComparison.Ordinal) || digits.StartsWith("49", StringComparison.Ordinal) ? 2 : 3;
            var rest = digits[code..];
            var groups = Enumerable.Range(0, (rest.Length + 3) / 4).Select(g => rest.Substring(g * 4, Math.Min(4, rest.Length - (g * 4))));
            return $"+{digits[..code]} {string.Join(' ', groups)}";
        }
    }
}
