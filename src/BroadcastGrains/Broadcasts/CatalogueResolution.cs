namespace BroadcastGrains.Broadcasts;

/// <summary>A create's command with the template's body and the lists' recipients filled in, or why it cannot run.</summary>
internal sealed record CatalogueResolution(CreateBroadcastCommand Command, bool FromLists, BroadcastError? Error)
{
    public static CatalogueResolution Refused(BroadcastError error) => new(null!, false, error);
}
