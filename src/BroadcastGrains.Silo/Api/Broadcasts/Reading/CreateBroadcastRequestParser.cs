using System.Buffers;
using System.Text;
using System.Text.Json;
using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>
/// Parses a whole create body in one synchronous pass of a <see cref="Utf8JsonReader"/> over the buffered bytes.
/// Synchronous because the reader is a ref struct that cannot live across an await; one pass because the body can
/// be 256 MB and nothing here needs to look back.
/// </summary>
internal sealed class CreateBroadcastRequestParser
{
    private readonly RecipientColumns _recipients;
    private CreateBroadcastRequest _request = CreateBroadcastRequest.Defaults;
    private ScheduleSpec _schedule = ScheduleSpec.Now;
    private uint _seen;

    private CreateBroadcastRequestParser(RecipientColumns recipients) => _recipients = recipients;

    /// <summary>Reads <paramref name="body"/>, a complete request body, into a request or the refusal to answer.</summary>
    public static ReadResult<CreateBroadcastRequest> Parse(ReadOnlySequence<byte> body)
    {
        body = WithoutByteOrderMark(body);
        if (body.IsEmpty)
        {
            return ReadResult<CreateBroadcastRequest>.Failure(RequestErrors.EmptyBody());
        }

        using var recipients = new RecipientColumns();
        var parser = new CreateBroadcastRequestParser(recipients);
        var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
        try
        {
            if (parser.ReadRoot(ref reader) is { } error)
            {
                return ReadResult<CreateBroadcastRequest>.Failure(error);
            }
            var request = parser.Finish();
            return RequestVariablesReader.CheckDistinct(request.Variables, request.Recipients.Variables) is { } tooMany
                ? ReadResult<CreateBroadcastRequest>.Failure(tooMany)
                : ReadResult<CreateBroadcastRequest>.Success(request);
        }
        catch (JsonException exception)
        {
            return ReadResult<CreateBroadcastRequest>.Failure(RequestErrors.InvalidJson(exception));
        }
        catch (InvalidOperationException exception) when (exception.InnerException is DecoderFallbackException)
        {
            // The reader checks structure, not encoding: bad UTF-8 surfaces only when a string is decoded.
            return ReadResult<CreateBroadcastRequest>.Failure(RequestErrors.InvalidUtf8(reader.TokenStartIndex));
        }
    }

    // A UTF-8 byte order mark is legal in an HTTP body but not JSON to the reader; editors and PowerShell add one.
    // It is copied out first because a pipe may deliver it split over segments.
    private static ReadOnlySequence<byte> WithoutByteOrderMark(ReadOnlySequence<byte> body)
    {
        if (body.Length < 3)
        {
            return body;
        }
        Span<byte> head = stackalloc byte[3];
        body.Slice(0, 3).CopyTo(head);
        return head.SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? body.Slice(3) : body;
    }

    private BroadcastError? ReadRoot(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return RequestErrors.EmptyBody();
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return RequestErrors.NotAnObject(reader.TokenType);
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = RequestFields.Identify(ref reader);
            if (field == RequestField.Unknown)
            {
                reader.Skip();
                continue;
            }
            // Duplicates are refused, not resolved: "last wins" here and "first wins" in a proxy or an
            // idempotency check would let two readers of one body disagree about what was asked.
            var bit = 1u << (int)field;
            if ((_seen & bit) != 0)
            {
                return RequestErrors.Validation(field.JsonName(), $"'{field.JsonName()}' is given more than once.");
            }
            _seen |= bit;

            reader.Read();
            var error = ReadField(field, ref reader);
            if (error is not null)
            {
                return error;
            }
        }
        // Reading past the object makes the reader refuse anything after it, such as a second object.
        reader.Read();
        return null;
    }

    private BroadcastError? ReadField(RequestField field, ref Utf8JsonReader reader)
    {
        var name = field.JsonName();
        BroadcastError? error;
        switch (field)
        {
            case RequestField.Name:
                error = JsonFields.ReadString(ref reader, name, out var text);
                _request = _request with { Name = text };
                return error;
            case RequestField.From:
                error = JsonFields.ReadString(ref reader, name, out text);
                _request = _request with { From = text };
                return error;
            case RequestField.Body:
                error = JsonFields.ReadString(ref reader, name, out text);
                _request = _request with { Body = text };
                return error;
            case RequestField.TemplateName:
                error = JsonFields.ReadString(ref reader, name, out text);
                _request = _request with { TemplateName = text };
                return error;
            case RequestField.DefaultRegion:
                error = JsonFields.ReadString(ref reader, name, out text);
                _request = _request with { DefaultRegion = text };
                return error;
            case RequestField.SmartListSlug:
                error = JsonFields.ReadString(ref reader, name, out text);
                _request = _request with { SmartListSlug = text };
                return error;
            case RequestField.Route:
                error = JsonFields.ReadString(ref reader, name, out text);
                _request = _request with { Route = text };
                return error;
            case RequestField.MediaUrls:
                error = JsonFields.ReadStringList(ref reader, name, out var list, RequestLimits.MaxMediaUrls, RequestLimits.MaxMediaUrlLength);
                _request = _request with { MediaUrls = list };
                return error;
            case RequestField.ListIds:
                error = JsonFields.ReadStringList(ref reader, name, out list, RequestLimits.MaxListIds, RequestLimits.MaxListIdLength);
                _request = _request with { ListIds = list };
                return error;
            case RequestField.Recipients:
                // null reads as absent, like every other field, so RecipientsGiven means an array was sent.
                _request = _request with { RecipientsGiven = reader.TokenType != JsonTokenType.Null };
                return _request.RecipientsGiven ? RecipientsReader.Read(ref reader, _recipients) : null;
            case RequestField.OnDuplicate:
                error = JsonFields.ReadDuplicatePolicy(ref reader, name, out var policy);
                _request = _request with { OnDuplicate = policy };
                return error;
            case RequestField.ValidityMinutes:
                error = JsonFields.ReadInt(ref reader, name, out var number);
                _request = _request with { ValidityMinutes = number ?? CreateBroadcastCommand.DefaultValidityMinutes };
                return error;
            case RequestField.Variables:
                error = RequestVariablesReader.Read(ref reader, out var variables);
                _request = _request with { Variables = variables };
                return error;
            case RequestField.DryRun:
                error = JsonFields.ReadBool(ref reader, name, out var flag);
                _request = _request with { DryRun = flag ?? false };
                return error;
            case RequestField.SmartEncoding:
                error = JsonFields.ReadBool(ref reader, name, out flag);
                _request = _request with { SmartEncoding = flag ?? false };
                return error;
            case RequestField.TrackLinks:
                error = JsonFields.ReadBool(ref reader, name, out flag);
                _request = _request with { TrackLinks = flag ?? false };
                return error;
            default:
                return ReadScheduleField(field, ref reader);
        }
    }

    private BroadcastError? ReadScheduleField(RequestField field, ref Utf8JsonReader reader)
    {
        var name = field.JsonName();
        BroadcastError? error;
        switch (field)
        {
            case RequestField.ScheduleMode:
                error = ScheduleFields.ReadMode(ref reader, out var mode);
                _schedule = _schedule with { Mode = mode ?? ScheduleMode.Now };
                return error;
            case RequestField.ScheduledAt:
                error = ScheduleFields.ReadInstant(ref reader, name, out var instant);
                _schedule = _schedule with { ScheduledAt = instant };
                return error;
            case RequestField.RecurrenceRule:
                error = JsonFields.ReadString(ref reader, name, out var text);
                _schedule = _schedule with { RecurrenceRule = text };
                return error;
            case RequestField.Timezone:
                error = JsonFields.ReadString(ref reader, name, out text);
                _schedule = _schedule with { Timezone = text ?? ScheduleSpec.Now.Timezone };
                return error;
            case RequestField.DripRatePerMinute:
                error = JsonFields.ReadInt(ref reader, name, out var rate);
                _schedule = _schedule with { DripRatePerMinute = rate };
                return error;
            case RequestField.DeliveryWindow:
                error = ScheduleFields.ReadDeliveryWindow(ref reader, out var window);
                _schedule = _schedule with { DeliveryWindow = window };
                return error;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field, "Every known field must have a reader.");
        }
    }

    private CreateBroadcastRequest Finish() => _request with
    {
        Recipients = _request.RecipientsGiven ? _recipients.ToInput() : RecipientInput.Empty,
        Schedule = _schedule,
    };
}
