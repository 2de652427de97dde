using BroadcastGrains.PhoneNumbers;

namespace BroadcastGrains.Broadcasts;

/// <summary>The checks a create command must pass before anything is priced, held or stored.</summary>
internal static class BroadcastValidator
{
    public const int MaxRecipients = 2_000_000;
    public const int MaxBodyLength = 1600;
    const int MaxNameLength = 200;
    const int MaxMediaUrls = RequestLimits.MaxMediaUrls;

    public static BroadcastError? Validate(CreateBroadcastCommand command, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        CheckMessage(BroadcastDefinition.Of(command), errors);
        if (command.DefaultRegion is { } region && !PhoneNumberClassifier.IsRegionCode(region))
        {
            errors["defaultRegion"] = ["defaultRegion must be an ISO 3166 alpha-2 region code"];
        }
        if (command.ListIds is { } lists && (lists.Count > RequestLimits.MaxListIds || lists.Any(l => l.Length > RequestLimits.MaxListIdLength)))
        {
            errors["listIds"] = [$"at most {RequestLimits.MaxListIds} list ids of at most {RequestLimits.MaxListIdLength} characters"];
        }
        else if (command.ListIds is { Count: > 0 } && command.Recipients.Count > 0)
        {
            errors["listIds"] = ["give either recipients or listIds"];
        }
        if (command.SmartListSlug is not null && (command.Recipients.Count > 0 || command.ListIds is { Count: > 0 }))
        {
            errors["smartListSlug"] = ["give one of recipients, listIds or smartListSlug"];
        }
        if (command.Body is not null && command.TemplateName is not null)
        {
            errors["body"] = ["give exactly one of body and templateName"];
        }
        return Refusal(errors) ?? ScheduleValidator.Validate(command.Schedule, now) ?? ValidateContent(command);
    }

    /// <summary>The checks a changed definition (PATCH) must pass; the recipients stay as they were.</summary>
    public static BroadcastError? Validate(BroadcastDefinition definition, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        CheckMessage(definition, errors);
        return Refusal(errors) ?? ScheduleValidator.Validate(definition.Schedule, now)
            ?? (definition.Body is { Length: > MaxBodyLength } body
                ? BroadcastError.Field(ErrorCodes.BodyTooLong, "body", $"body has {body.Length} characters; at most {MaxBodyLength}")
                : null);
    }

    static BroadcastError? Refusal(Dictionary<string, string[]> errors) => errors.Count == 0
        ? null
        : BroadcastError.Validation(errors);

    static void CheckMessage(BroadcastDefinition definition, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            errors["name"] = ["name is required"];
        }
        else if (definition.Name.Length > MaxNameLength)
        {
            errors["name"] = [$"name is longer than {MaxNameLength} characters"];
        }
        if (string.IsNullOrWhiteSpace(definition.From))
        {
            errors["from"] = ["from is required"];
        }
        else if (!SenderNames.IsWellFormed(definition.From))
        {
            errors["from"] = ["from must be alphanumeric (at most 11 characters) or an E.164 number"];
        }
        // A definition made from a template carries the template's body too (the catalogue resolves it).
        if (definition.Body is null && definition.TemplateName is null)
        {
            errors["body"] = ["give exactly one of body and templateName"];
        }
        else if (definition.Body is { Length: 0 })
        {
            errors["body"] = ["body is empty"];
        }
        if (definition.MediaUrls is { } media)
        {
            if (media.Count > MaxMediaUrls)
            {
                errors["mediaUrls"] = [$"at most {MaxMediaUrls} media URLs"];
            }
            else if (media.Any(u => u.Length > RequestLimits.MaxMediaUrlLength))
            {
                errors["mediaUrls"] = [$"a media URL is at most {RequestLimits.MaxMediaUrlLength} characters"];
            }
            else if (media.Any(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                errors["mediaUrls"] = ["media URLs must be absolute http(s) URLs"];
            }
        }
        if (definition.ValidityMinutes is < 1 or > 10_080)
        {
            errors["validityMinutes"] = ["validityMinutes must be between 1 and 10080"];
        }
    }

    static BroadcastError? ValidateContent(CreateBroadcastCommand command)
    {
        if (command.Body is { Length: > MaxBodyLength })
        {
            return BroadcastError.Field(ErrorCodes.BodyTooLong, "body", $"body has {command.Body.Length} characters; at most {MaxBodyLength}");
        }
        if (command.Recipients.Variables.Names.Length > RequestLimits.MaxVariableNames)
        {
            return BroadcastError.Field(ErrorCodes.TooManyVariables, "variables",
                $"{command.Recipients.Variables.Names.Length} distinct variable names; at most {RequestLimits.MaxVariableNames}");
        }
        if (command.Recipients.Count > MaxRecipients)
        {
            return BroadcastError.Field(ErrorCodes.TooManyRecipients, "recipients", $"{command.Recipients.Count} recipients; at most {MaxRecipients}");
        }
        // Recipients of listIds are counted once the lists are read (BroadcastGrain.Catalogue).
        if (command.Recipients.Count == 0 && command.ListIds is not { Count: > 0 } && command.SmartListSlug is null)
        {
            return BroadcastError.Field(ErrorCodes.NoRecipients, "recipients", "give at least one recipient");
        }
        return null;
    }
}
