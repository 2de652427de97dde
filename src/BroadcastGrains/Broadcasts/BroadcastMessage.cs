using BroadcastGrains.Messages;

namespace BroadcastGrains.Broadcasts;

/// <summary>What a broadcast's partitions send and price: the definition's message, paced when drip or quiet hours apply.</summary>
internal static class BroadcastMessage
{
    public static MessageSpec Of(BroadcastDefinition definition) =>
        new(definition.From, definition.SentBody!, definition.MediaUrls, definition.ValidityMinutes,
            Paced: definition.Schedule.Mode == ScheduleMode.Drip || definition.Schedule.DeliveryWindow is not null,
            Route: definition.Route, SmartEncoding: definition.SmartEncoding, Variables: definition.Variables,
            Links: definition.Links);
}
