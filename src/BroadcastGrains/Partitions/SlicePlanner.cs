using BroadcastGrains.Broadcasts;
using BroadcastGrains.Messages;
using BroadcastGrains.PhoneNumbers;
using BroadcastGrains.Pricing;

namespace BroadcastGrains.Partitions;

/// <summary>
/// Validates and prices a slice: each number's country, route and price, each rendered body's segments.
/// Fills the partition's columns and answers what the slice will cost.
/// </summary>
internal static class SlicePlanner
{
    const int UnroutableSample = 100;

    /// <summary>Concatenated SMS number their parts in one byte.</summary>
    const int MaxParts = byte.MaxValue;

    public static PartitionEstimate Plan(PartitionSlice slice, PartitionState state, PhoneNumberClassifier phones,
        IReadOnlySet<int>? optedOut = null)
    {
        var count = slice.Numbers.Length;
        state.Slice = slice;
        state.Statuses = new byte[count];
        state.Segments = new byte[count];
        state.Errors = new byte[count];
        state.Countries = new short[count];
        state.UpdatedAt = new int[count];
        state.Counts = new long[RecipientStatuses.Count];

        var template = MessageTemplate.Parse(slice.Message.Body);
        var renderer = new VariableRenderer(template, slice.Variables ?? VariableTable.Empty, slice.Message.Variables);
        // One buffer for the slice: segments are counted from the rendered text without a string per recipient.
        var rendered = template.HasVariables ? new char[RenderedLengthRule.MaxRenderedLength] : [];
        var countries = new CountryTable(slice);
        var unroutable = new List<string>();
        var encoding = MessageEncoding.Gsm7;
        var fixedSegments = template.HasVariables ? (SegmentCount?)null : SegmentCounter.Count(OutgoingText.Of(template.Body, slice.Message, 0));
        var maxSegments = 0;
        // Neighbouring recipients are mostly of one country, and a region is always the same string instance, so the
        // last lookup answers most of them without hashing.
        string? lastRegion = null;
        short lastCountry = -1;

        for (var i = 0; i < count; i++)
        {
            var status = RecipientStatus.Pending;
            state.Countries[i] = -1;
            var number = slice.Numbers[i];
            var region = number == 0 ? null : phones.ValidRegionOf(number);
            if (region is null)
            {
                status = RecipientStatus.Invalid;
                state.Errors[i] = (byte)RecipientError.InvalidNumber;
            }
            else if (optedOut?.Contains(i) == true)
            {
                // On the client's opt-out list: never sent, never charged.
                status = RecipientStatus.OptedOut;
            }
            else if (CountryOf(region) is var country && country < 0)
            {
                status = RecipientStatus.Blocked;
                state.Errors[i] = (byte)RecipientError.NoRoute;
                if (unroutable.Count < UnroutableSample)
                {
                    unroutable.Add(PhoneNumberClassifier.Format(number));
                }
            }
            else
            {
                string? missing = null;
                var segments = fixedSegments ?? Render(renderer, slice.Message, i, rendered, out missing);
                if (segments is null)
                {
                    return Refused(missing is null
                        ? TooLong(number)
                        : BroadcastError.Field(ErrorCodes.MissingVariable, "recipients",
                            $"recipient {PhoneNumberClassifier.Format(number)} has no value for {{{{{missing}}}}}"));
                }
                var counted = slice.Message.IsMms ? 1 : segments.Value.Segments;
                if (counted > MaxParts)
                {
                    return Refused(TooLong(number));
                }
                if (!slice.Message.IsMms && segments.Value.Encoding == MessageEncoding.Ucs2)
                {
                    encoding = MessageEncoding.Ucs2;
                }
                maxSegments = Math.Max(maxSegments, counted);
                state.Segments[i] = (byte)Math.Min(counted, byte.MaxValue);
                state.Countries[i] = country;
                countries.Add(country, counted);
            }
            state.Statuses[i] = (byte)status;
            state.Counts[(byte)status]++;
        }

        state.CountryCodes = countries.Codes;
        state.CountryPrices = countries.Prices;
        var breakdown = countries.Breakdown();
        return new PartitionEstimate(state.Counts.ToArray(), breakdown, breakdown.Sum(b => b.Credits),
            breakdown.Sum(b => b.Segments), maxSegments, encoding, unroutable, null);

        short CountryOf(string region)
        {
            if (!ReferenceEquals(region, lastRegion))
            {
                (lastRegion, lastCountry) = (region, countries.IndexOf(region));
            }
            return lastCountry;
        }

        static PartitionEstimate Refused(BroadcastError error) =>
            new(new long[RecipientStatuses.Count], [], 0, 0, 0, MessageEncoding.Gsm7, [], error);
    }

    /// <summary>The segments of the recipient's message; null when a variable is missing or the text is too long.</summary>
    static SegmentCount? Render(VariableRenderer renderer, MessageSpec message, int index, char[] buffer, out string? missing)
    {
        if (!renderer.TryRenderInto(index, buffer, out var length, out missing))
        {
            return null;
        }
        // Smart encoding and tracked links change the length (an ellipsis becomes three dots, a link its short link), so
        // they work on a string of the rendered text; without them the buffer is counted as it is. Every short code is
        // as long as any other, so recipient 0's links measure as every recipient's would.
        return message.SmartEncoding || message.Links is not null
            ? SegmentCounter.Count(OutgoingText.Of(new string(buffer, 0, length), message, 0))
            : SegmentCounter.Count(buffer.AsSpan(0, length));
    }

    // The backstop behind RenderedLengthRule (PATCH replans land here too): a message the carrier cannot join
    // (over 255 parts, the UDH's part count) or over the rendered limit is never stored, sent or charged.
    static BroadcastError TooLong(long number) => BroadcastError.Field(ErrorCodes.BodyTooLong, "recipients",
        $"the message of recipient {PhoneNumberClassifier.Format(number)} is over {RenderedLengthRule.MaxRenderedLength} characters or {MaxParts} parts");
}
