using BroadcastGrains.PhoneNumbers;

namespace BroadcastGrains.Tests.Domain;

public class PhoneNumberClassifierTests
{
    static readonly PhoneNumberClassifier Classifier = PhoneNumberClassifier.Shared;

    [Theory]
    [InlineData("+14155552671", null, 14155552671L)]
    [InlineData("+1 415-555-2671", null, 14155552671L)]
    [InlineData(" +1 (415) 555 2671 ", "GB", 14155552671L)]
    [InlineData("(415) 555-2671", "US", 14155552671L)]
    [InlineData("415.555.2671", "us", 14155552671L)]
    [InlineData("0772123456", "UG", 256772123456L)]
    [InlineData("0772 123-456", "UG", 256772123456L)]
    [InlineData("00256772123456", null, 256772123456L)]
    [InlineData("00256772123456", "UG", 256772123456L)]
    [InlineData("020 7946 0000", "GB", 442079460000L)]
    [InlineData("07400 123456", "GB", 447400123456L)]
    [InlineData("256772123456", null, 256772123456L)]
    [InlineData("+39 06 1234 5678", null, 390612345678L)]
    public void Human_forms_normalise_to_e164_digits(string text, string? region, long expected)
    {
        Assert.True(Classifier.TryNormalize(text, region, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("hello", null)]
    [InlineData("not a number", "US")]
    [InlineData("+", null)]
    [InlineData("+1234567890123456789", null)]
    [InlineData("0772123456", null)] // national form without a region to read it in
    public void Garbage_does_not_normalise(string text, string? region)
    {
        Assert.False(Classifier.TryNormalize(text, region, out _));
    }

    [Theory]
    [InlineData(14155552671L, "US")]
    [InlineData(442079460000L, "GB")]
    [InlineData(447400123456L, "GB")]
    [InlineData(256772123456L, "UG")]
    [InlineData(16132345678L, "CA")] // +1 but not the US: the area code decides
    [InlineData(390612345678L, "IT")] // the national number's leading zero survives as a digit position
    public void Valid_numbers_have_their_region(long e164, string region)
    {
        Assert.Equal(region, Classifier.ValidRegionOf(e164));
    }

    [Theory]
    [InlineData(15551234567L)] // 555 is not a North American area code
    [InlineData(1L)]
    [InlineData(0L)]
    [InlineData(-14155552671L)]
    [InlineData(9991234567L)] // +999 is no calling code
    [InlineData(2567721234567L)] // one digit too many for Uganda
    [InlineData(80012345678L)] // valid, but international freephone has no country
    public void Invalid_numbers_have_no_region(long e164)
    {
        Assert.Null(Classifier.ValidRegionOf(e164));
    }

    [Fact]
    public void Concurrent_callers_get_the_same_regions()
    {
        long[] numbers = [14155552671L, 442079460000L, 256772123456L, 16132345678L, 15551234567L, 390612345678L];
        var expected = numbers.Select(Classifier.ValidRegionOf).ToArray();
        var mismatches = 0;

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var round = 0; round < 2_000; round++)
            {
                var i = round % numbers.Length;
                if (Classifier.ValidRegionOf(numbers[i]) != expected[i])
                {
                    Interlocked.Increment(ref mismatches);
                }
            }
        });

        Assert.Equal(new[] { "US", "GB", "UG", "CA", null, "IT" }, expected);
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Format_is_plus_and_digits()
    {
        Assert.Equal("+14155552671", PhoneNumberClassifier.Format(14155552671L));
    }

    [Theory]
    [InlineData("US", true)]
    [InlineData("ug", true)]
    [InlineData("GB", true)]
    [InlineData("ZZ", false)]
    [InlineData("001", false)]
    [InlineData("USA", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Region_codes_are_the_supported_iso_regions(string? region, bool known)
    {
        Assert.Equal(known, PhoneNumberClassifier.IsRegionCode(region));
    }
}
