using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Silo.Api.Broadcasts.Reading;

/// <summary>
/// The body of <c>POST /v1/broadcasts</c> (and precheck) as sent, after JSON types are checked but before any
/// domain rule: required fields, lengths and ranges are the grain's to judge, so a missing string stays null here.
/// A JSON <c>null</c> reads as absent, because many clients serialise unset fields that way.
/// </summary>
internal sealed record CreateBroadcastRequest(
    string? Name,
    string? From,
    string? Body,
    string? TemplateName,
    IReadOnlyList<string>? MediaUrls,
    RecipientInput Recipients,
    bool RecipientsGiven,
    IReadOnlyList<string>? ListIds,
    string? DefaultRegion,
    DuplicatePolicy OnDuplicate,
    ScheduleSpec Schedule,
    int ValidityMinutes,
    bool DryRun,
    string? Route = null,
    bool SmartEncoding = false,
    string? SmartListSlug = null,
    IReadOnlyDictionary<string, string>? Variables = null,
    bool TrackLinks = false)
{
    /// <summary>What an empty object <c>{}</c> reads as: every field absent, every default applied.</summary>
    public static CreateBroadcastRequest Defaults { get; } = new(
        Name: null,
        From: null,
        Body: null,
        TemplateName: null,
        MediaUrls: null,
        Recipients: RecipientInput.Empty,
        RecipientsGiven: false,
        ListIds: null,
        DefaultRegion: null,
        OnDuplicate: DuplicatePolicy.Reject,
        Schedule: ScheduleSpec.Now,
        ValidityMinutes: CreateBroadcastCommand.DefaultValidityMinutes,
        DryRun: false);

    /// <summary>
    /// The grain's command. A missing name or sender becomes empty text rather than a failure here, so that the
    /// grain's validation reports it alongside every other rule in one answer.
    /// </summary>
    public CreateBroadcastCommand ToCommand(string clientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        return new CreateBroadcastCommand(
            clientId,
            Name ?? string.Empty,
            From ?? string.Empty,
            Body,
            TemplateName,
            MediaUrls,
            Recipients,
            ListIds,
            DefaultRegion,
            OnDuplicate,
            Schedule,
            ValidityMinutes,
            DryRun,
            Route: Route,
            SmartEncoding: SmartEncoding,
            SmartListSlug: SmartListSlug,
            Variables: Variables,
            TrackLinks: TrackLinks);
    }
}
