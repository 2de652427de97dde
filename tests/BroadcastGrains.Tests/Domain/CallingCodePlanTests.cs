using System.Globalization;
using BroadcastGrains.PhoneNumbers;
using PhoneNumbers;

namespace BroadcastGrains.Tests.Domain;

/// <summary>
/// The compiled validity plans must answer exactly what libphonenumber's own API answers, for every region it knows:
/// each is compared with <see cref="PhoneNumberClassifier.LibraryValidRegionOf"/> on numbers near the valid ones
/// (libphonenumber's example numbers and their one- and two-digit mutations, one digit longer and shorter) and on
/// random digits of every calling code.
/// </summary>
public class CallingCodePlanTests
{
    static readonly PhoneNumberClassifier Classifier = PhoneNumberClassifier.Shared;
    static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    [Fact]
    public void Every_calling_code_compiles_so_no_number_takes_the_slow_path()
    {
        var slow = Util.GetSupportedCallingCodes().Where(code => !Classifier.HasCompiledPlan(code)).ToList();
        Assert.Empty(slow);
    }

    [Fact]
    public void Every_region_answers_as_libphonenumber_near_its_example_numbers()
    {
        var random = new Random(20261205);
        var compared = 0;
        var valid = 0;
        var mismatches = new List<string>();
        foreach (var callingCode in Util.GetSupportedCallingCodes())
        {
            foreach (var example in ExampleNumbers(callingCode))
            {
                foreach (var national in Variants(example, random))
                {
                    var e164 = long.Parse($"{callingCode}{national}", CultureInfo.InvariantCulture);
                    var expected = Classifier.LibraryValidRegionOf(e164);
                    compared++;
                    valid += expected is null ? 0 : 1;
                    if (Classifier.ValidRegionOf(e164) is var actual && actual != expected)
                    {
                        mismatches.Add($"+{e164}: plan {actual ?? "invalid"}, libphonenumber {expected ?? "invalid"}");
                    }
                }
            }
        }

        Assert.Empty(mismatches);
        // The comparison means something only if it saw plenty of both answers.
        Assert.True(compared > 40_000, $"{compared} numbers compared");
        Assert.InRange(valid, compared / 10, compared - (compared / 10));
    }

    [Fact]
    public void Random_digits_of_every_calling_code_answer_as_libphonenumber()
    {
        var random = new Random(5);
        var mismatches = new List<string>();
        foreach (var callingCode in Util.GetSupportedCallingCodes())
        {
            for (var k = 0; k < 100; k++)
            {
                var nationalDigits = random.Next(4, 16 - callingCode.ToString(CultureInfo.InvariantCulture).Length);
                var national = random.NextInt64((long)Math.Pow(10, nationalDigits - 1), (long)Math.Pow(10, nationalDigits));
                var e164 = long.Parse($"{callingCode}{national}", CultureInfo.InvariantCulture);
                if (Classifier.ValidRegionOf(e164) is var actual && actual != Classifier.LibraryValidRegionOf(e164))
                {
                    mismatches.Add($"+{e164}: plan {actual ?? "invalid"}");
                }
            }
        }
        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-14155552671L)]
    [InlineData(1L)]
    [InlineData(44L)]
    [InlineData(999L)]
    [InlineData(3900000000L)] // an all-zero national number is "0" to libphonenumber
    [InlineData(440000000000L)]
    [InlineData(10000000000L)]
    [InlineData(390012345678L)] // leading zeros kept
    [InlineData(2250712345678L)]
    [InlineData(999123456789L)] // no such calling code
    [InlineData(123456789012345L)] // 15 digits, E.164's most
    [InlineData(1234567890123456L)] // 16 digits, one too many
    [InlineData(long.MaxValue)]
    public void Edge_numbers_answer_as_libphonenumber(long e164) =>
        Assert.Equal(Classifier.LibraryValidRegionOf(e164), Classifier.ValidRegionOf(e164));

    [Theory]
    [InlineData(14155552671L, "US")]
    [InlineData(14165550123L, "CA")] // +1 is shared by 25 regions: Toronto's area code
    [InlineData(18765550123L, "JM")]
    [InlineData(447624123456L, "IM")] // +44 with the Isle of Man's leading digits
    [InlineData(447400123456L, "GB")]
    [InlineData(77011234567L, "KZ")] // +7 7xx is Kazakhstan
    [InlineData(74951234567L, "RU")]
    [InlineData(390612345678L, "IT")] // the national number keeps its leading zero
    [InlineData(80012345678L, null)] // +800 is valid but non-geographic: no country to price
    [InlineData(12120550000L, null)] // no North American exchange starts with 0
    [InlineData(1212555000L, null)] // one digit short
    public void Known_numbers_have_their_region(long e164, string? region)
    {
        Assert.Equal(region, Classifier.ValidRegionOf(e164));
        Assert.Equal(region, Classifier.LibraryValidRegionOf(e164));
    }

    static IEnumerable<string> ExampleNumbers(int callingCode)
    {
        foreach (var region in Util.GetRegionCodesForCountryCode(callingCode))
        {
            var metadata = region == "001" ? Util.GetMetadataForNonGeographicalRegion(callingCode) : Util.GetMetadataForRegion(region);
            var descriptions = new[]
            {
                metadata.FixedLine, metadata.Mobile, metadata.TollFree, metadata.PremiumRate, metadata.SharedCost,
                metadata.Voip, metadata.PersonalNumber, metadata.Pager, metadata.Uan, metadata.Voicemail,
            };
            foreach (var description in descriptions.Where(d => d is { HasExampleNumber: true }))
            {
                yield return description.ExampleNumber;
            }
        }
    }

    static IEnumerable<string> Variants(string example, Random random)
    {
        yield return example;
        yield return example + random.Next(10).ToString(CultureInfo.InvariantCulture);
        if (example.Length > 1)
        {
            yield return example[..^1];
        }
        for (var k = 0; k < 40; k++)
        {
            var digits = example.ToCharArray();
            for (var changes = 1 + (k % 2); changes > 0; changes--)
            {
                digits[random.Next(digits.Length)] = (char)('0' + random.Next(10));
            }
            yield return new string(digits);
        }
    }
}
