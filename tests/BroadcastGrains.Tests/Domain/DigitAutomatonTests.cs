using System.Text.RegularExpressions;
using BroadcastGrains.PhoneNumbers;

namespace BroadcastGrains.Tests.Domain;

/// <summary>
/// The pattern subset and its automaton on their own: every pattern answers what .NET's regex engine answers for it on
/// every digit string it is tried with, several patterns run at once keep their own tags, and what the subset does not
/// cover is refused rather than misread.
/// </summary>
public class DigitAutomatonTests
{
    [Theory]
    [InlineData("[2-9]\\d{2}", "212")]
    [InlineData("1(?:800|888)\\d{4}", "18881234")]
    [InlineData("(?:2[0-35-9]|3[1-9])\\d{5,6}", "3112345")]
    [InlineData("7(?:0[1-9]|[1-9]\\d)?\\d{3}", "7123")]
    [InlineData("(?:(?:1\\d|2[2-9])\\d|3(?:0[013-8]|[1-9]\\d))\\d{4}|9\\d{6}", "3081234")]
    [InlineData("0[1-9]\\d{0,3}", "05")]
    [InlineData("5(?:0|55)*9+", "505599")]
    [InlineData("[13579][02468]{2,}", "7024")]
    public void A_pattern_matches_exactly_the_digit_strings_the_regex_engine_matches(string pattern, string example)
    {
        var automaton = DigitAutomaton.Build([(DigitPattern.Parse(pattern), 1)], maxStates: 10_000);
        var regex = new Regex($"^(?:{pattern})\\z", RegexOptions.CultureInvariant);
        Assert.True(regex.IsMatch(example) && Accepts(automaton, example, 1), $"'{pattern}' on its example {example}");

        // Random digit strings, and the example with one digit changed, added or dropped (near misses and near hits).
        var random = new Random(pattern.Length);
        for (var k = 0; k < 20_000; k++)
        {
            var digits = (k % 2) switch
            {
                0 => RandomDigits(random, random.Next(1, 10)),
                _ => Mutate(example, random),
            };
            var expected = regex.IsMatch(digits);
            Assert.True(expected == Accepts(automaton, digits, 1), $"'{pattern}' on {digits}: regex says {expected}");
        }
    }

    [Fact]
    public void Patterns_run_together_keep_their_own_tags()
    {
        var automaton = DigitAutomaton.Build(
            [(DigitPattern.Parse("1\\d{2}"), 1), (DigitPattern.Parse("12\\d"), 2), (DigitPattern.Parse("9"), 4)], maxStates: 100);

        Assert.Equal(1 | 2, Tags(automaton, "123"));
        Assert.Equal(1, Tags(automaton, "133"));
        Assert.Equal(4, Tags(automaton, "9"));
        Assert.Equal(0, Tags(automaton, "12"));
        Assert.Equal(-1, Walk(automaton, "5"));
    }

    [Theory]
    [InlineData("^1\\d{3}")]
    [InlineData("1\\d{3}$")]
    [InlineData("[^0]\\d")]
    [InlineData("1.2")]
    [InlineData("(?=1)\\d")]
    [InlineData("1\\d{3")]
    [InlineData("(12")]
    [InlineData("a1")]
    public void What_the_subset_does_not_cover_is_refused(string pattern)
    {
        Assert.Throws<FormatException>(() => DigitPattern.Parse(pattern));
    }

    [Fact]
    public void An_automaton_past_its_state_bound_is_refused()
    {
        // Exactly 20 digits with a 1 among the last 12 of them: the textbook blow-up of subset construction.
        var pattern = DigitPattern.Parse("\\d*1\\d{11}");
        Assert.Throws<InvalidOperationException>(() => DigitAutomaton.Build([(pattern, 1)], maxStates: 500));
    }

    static bool Accepts(DigitAutomaton automaton, string digits, int tag) => (Tags(automaton, digits) & tag) != 0;

    static int Tags(DigitAutomaton automaton, string digits) =>
        Walk(automaton, digits) is var state and >= 0 ? automaton.Accepts(state) : 0;

    static int Walk(DigitAutomaton automaton, string digits)
    {
        var state = DigitAutomaton.Start;
        foreach (var c in digits)
        {
            state = automaton.Next(state, c - '0');
            if (state < 0)
            {
                return -1;
            }
        }
        return state;
    }

    static string Mutate(string example, Random random)
    {
        var digit = (char)('0' + random.Next(10));
        var at = random.Next(example.Length);
        return random.Next(3) switch
        {
            0 => string.Concat(example.AsSpan(0, at), [digit], example.AsSpan(at + 1)),
            1 => example.Insert(at, digit.ToString()),
            _ => example.Length > 1 ? example.Remove(at, 1) : example,
        };
    }

    static string RandomDigits(Random random, int length) =>
        string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + r.Next(10));
            }
        });
}
