namespace BroadcastGrains.Routing;

/// <summary>
/// What routing needs to know of a configured connector: its name, whether it carries MMS and its cluster-wide rate
/// in message parts per second (0 = none), which weighs it in a <c>roundRobin</c> route.
/// </summary>
public sealed record ConnectorDescriptor(string Name, string Kind, bool SupportsMms, int MaxSubmitsPerSecond, long DailyLimit);
