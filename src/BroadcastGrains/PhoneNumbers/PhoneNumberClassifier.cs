using System.Globalization;
using PhoneNumbers;

namespace BroadcastGrains.PhoneNumbers;

/// <summary>
/// Turns what people type into E.164 numbers and tells which country a number belongs to. Numbers travel through the
/// cluster as E.164 digits in a <see cref="long"/> (8 bytes instead of a 30-byte string, 2,000,000 per broadcast), so
/// this is the one place that knows libphonenumber. Stateless after construction and safe to share between threads.
/// </summary>
public sealed class PhoneNumberClassifier
{
    const int MaxE164Digits = 15; // ITU-T E.164: country code + national significant number
    const int MaxLongDigits = 19; // long.MaxValue has 19 digits
    const string NonGeographicRegion = "001"; // libphonenumber's region for +800, +882…: no country to price

    static readonly long[] PowersOfTen = CreatePowersOfTen();

    readonly PhoneNumberUtil _util = PhoneNumberUtil.GetInstance();
    readonly HashSet<string> _regions;

    // Indexed by calling code (1-999): true when libphonenumber has metadata for it.
    readonly bool[] _knownCallingCodes = new bool[1000];

    // Indexed by calling code: its compiled validity rules, built on first use (see PlanOf), and whether building them
    // failed (then libphonenumber's API judges that code's numbers, and the build is not tried again for each one).
    readonly CallingCodePlan?[] _plans = new CallingCodePlan?[1000];
    readonly bool[] _noPlan = new bool[1000];

    /// <summary>The process-wide instance; loading the metadata is costly, so share this one.</summary>
    public static PhoneNumberClassifier Shared { get; } = new();

    /// <summary>Loads libphonenumber's metadata; prefer <see cref="Shared"/> over creating more.</summary>
    public PhoneNumberClassifier()
    {
        _regions = new HashSet<string>(_util.GetSupportedRegions(), StringComparer.Ordinal);
        foreach (var callingCode in _util.GetSupportedCallingCodes())
        {
            _knownCallingCodes[callingCode] = true;
        }
    }

    /// <summary>
    /// Parses <paramref name="text"/> in any usual form ("+1 415-555-0100", "00256 712 345678", "0712345678" with
    /// <paramref name="defaultRegion"/> "UG", or "14155550100" without one) into E.164 digits. A parsed number need
    /// not be valid: ask <see cref="ValidRegionOf"/>. False when the text is not a phone number at all or longer than
    /// E.164 allows.
    /// </summary>
    public bool TryNormalize(string text, string? defaultRegion, out long e164)
    {
        ArgumentNullException.ThrowIfNull(text);
        e164 = 0;
        var region = IsRegionCode(defaultRegion) ? defaultRegion!.ToUpperInvariant() : null;
        var parsed = TryParse(text, region, out var number) && TryToE164(number, out e164);
        if (parsed && !text.AsSpan().TrimStart().StartsWith("00", StringComparison.Ordinal))
        {
            return true;
        }

        // A region's reading wins unless it is not a valid number and the international reading is, as with
        // "00256…" in Uganda, whose own international prefix is "000".
        if (TryInternationalReading(text, region, out var international)
            && (!parsed || (ValidRegionOf(e164) is null && ValidRegionOf(international) is not null)))
        {
            e164 = international;
            return true;
        }

        return parsed;
    }

    /// <summary>
    /// The ISO 3166 alpha-2 region of <paramref name="e164"/> when it is a valid number there, else null (also for
    /// valid numbers of non-geographic services such as +800, which have no country to price or route by).
    /// </summary>
    public string? ValidRegionOf(long e164)
    {
        // This runs for every recipient of a broadcast: the national significant number's digits are judged by its
        // calling code's compiled plan, without building a PhoneNumber or a string.
        Span<char> buffer = stackalloc char[MaxLongDigits];
        if (!TrySplit(e164, buffer, out var callingCode, out var national))
        {
            return null;
        }
        if (PlanOf(callingCode) is not { } plan)
        {
            return LibraryValidRegionOf(e164);
        }
        // libphonenumber keeps no leading zeros on an all-zero national number, so that one is just "0".
        if (national.IndexOfAnyExcept('0') < 0)
        {
            national = national[^1..];
        }
        var region = plan.ValidRegionOf(national);
        return region is NonGeographicRegion ? null : region;
    }

    /// <summary>
    /// <see cref="ValidRegionOf"/> answered by libphonenumber's own API, number object and all: the reference the
    /// compiled plans are tested against, and what they replace on the hot path.
    /// </summary>
    internal string? LibraryValidRegionOf(long e164)
    {
        Span<char> buffer = stackalloc char[MaxLongDigits];
        if (!TrySplit(e164, buffer, out var callingCode, out var national))
        {
            return null;
        }

        var builder = new PhoneNumber.Builder().SetCountryCode(callingCode)
            .SetNationalNumber(ulong.Parse(national, CultureInfo.InvariantCulture));
        var leadingZeros = national.IndexOfAnyExcept('0'); // -1 for an all-zero number, which keeps none
        if (leadingZeros > 0)
        {
            builder.SetNumberOfLeadingZeros(leadingZeros);
        }

        var number = builder.Build();
        var region = _util.GetRegionCodeForNumber(number);
        return region is null or NonGeographicRegion || !_util.IsValidNumberForRegion(number, region) ? null : region;
    }

    /// <summary>
    /// Writes <paramref name="e164"/>'s digits into <paramref name="buffer"/> (<see cref="MaxLongDigits"/> long) and
    /// splits them into a calling code libphonenumber knows and the national significant number, whose leading zeros
    /// (Italy's, say) E.164 keeps. Calling codes are prefix-free, so at most one 1-, 2- or 3-digit prefix is known.
    /// Nothing is divided by a power of ten picked at run time (a hardware division each): the constant 10 below
    /// compiles to a multiplication.
    /// </summary>
    bool TrySplit(long e164, Span<char> buffer, out int callingCode, out ReadOnlySpan<char> national)
    {
        callingCode = 0;
        national = default;
        if (e164 <= 0)
        {
            return false;
        }
        var start = buffer.Length;
        for (var rest = e164; rest != 0; rest /= 10)
        {
            buffer[--start] = (char)('0' + (int)(rest % 10));
        }
        var digits = buffer[start..];
        if (digits.Length > MaxE164Digits)
        {
            return false;
        }

        for (var codeDigits = 1; codeDigits <= 3 && codeDigits < digits.Length; codeDigits++)
        {
            callingCode = (callingCode * 10) + (digits[codeDigits - 1] - '0');
            if (_knownCallingCodes[callingCode])
            {
                national = digits[codeDigits..];
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="callingCode"/>'s numbers are judged by a compiled plan, not by libphonenumber's API.</summary>
    internal bool HasCompiledPlan(int callingCode) => PlanOf(callingCode) is not null;

    CallingCodePlan? PlanOf(int callingCode)
    {
        // Built on first use: a broadcast meets a handful of calling codes, and compiling all 240-odd costs seconds.
        // Two threads may both build one; either result is the same, so the last write simply wins.
        var plan = Volatile.Read(ref _plans[callingCode]);
        if (plan is null && !Volatile.Read(ref _noPlan[callingCode]))
        {
            plan = CallingCodePlan.Build(_util, callingCode);
            if (plan is null)
            {
                Volatile.Write(ref _noPlan[callingCode], true);
            }
            else
            {
                Volatile.Write(ref _plans[callingCode], plan);
            }
        }
        return plan;
    }

    /// <summary>"+" and the digits: the form carriers and the API speak.</summary>
    public static string Format(long e164) => string.Create(CultureInfo.InvariantCulture, $"+{e164}");

    /// <summary>True for a region libphonenumber has metadata for ("UG", "gb"); false for "ZZ", "001", null.</summary>
    public static bool IsRegionCode(string? region) =>
        region is { Length: 2 } && Shared._regions.Contains(region.ToUpperInvariant());

    bool TryInternationalReading(string text, string? region, out long e164)
    {
        // libphonenumber strips only the default region's own international prefix, and without a region it wants a
        // '+'. Yet "00" is what most of the world dials (ITU-T E.164 recommends it), and people paste international
        // numbers without the '+' (Sinch and Infobip take them so), so such text is read once more as "+…".
        e164 = 0;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.StartsWith("00", StringComparison.Ordinal))
        {
            trimmed = trimmed[2..];
        }
        else if (region is not null || trimmed.StartsWith('+'))
        {
            return false;
        }

        return TryParse(string.Concat("+", trimmed), null, out var number) && TryToE164(number, out e164);
    }

    bool TryParse(string text, string? region, out PhoneNumber number)
    {
        // libphonenumber reports "not a number" by throwing; TryNormalize is the boundary where that becomes a value.
        try
        {
            number = _util.Parse(text, region);
            return true;
        }
        catch (NumberParseException)
        {
            number = PhoneNumber.DefaultInstance;
            return false;
        }
    }

    static bool TryToE164(PhoneNumber number, out long e164)
    {
        e164 = 0;
        var national = (long)Math.Min(number.NationalNumber, long.MaxValue);
        var nationalDigits = DigitCount(national)
            + (number.HasNumberOfLeadingZeros && national > 0 ? number.NumberOfLeadingZeros : 0);
        var codeDigits = DigitCount(number.CountryCode);
        if (number.CountryCode <= 0 || codeDigits + nationalDigits > MaxE164Digits)
        {
            return false;
        }

        e164 = number.CountryCode * PowersOfTen[nationalDigits] + national;
        return true;
    }

    static int DigitCount(long value)
    {
        var digits = 1;
        while (digits < PowersOfTen.Length && value >= PowersOfTen[digits])
        {
            digits++;
        }

        return digits;
    }

    static long[] CreatePowersOfTen()
    {
        var powers = new long[19]; // 10^18 is the largest power of ten a long holds
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
