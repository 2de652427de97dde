namespace BroadcastGrains.Routing;

/// <summary>What routing says of one recipient before it is submitted.</summary>
public enum RouteVerdict : byte
{
    /// <summary>A route takes it; pick its connector when submitting.</summary>
    Routed,
    /// <summary>No route of the table matches: final <c>blocked</c> with error <c>no_route</c>, never charged.</summary>
    NoRoute,
    /// <summary>An MMS whose route has no connector that carries MMS: <c>blocked</c>, <c>mms_not_supported</c>, never charged.</summary>
    MmsNotSupported,
}
