namespace BroadcastGrains.Routing;

/// <summary>
/// A configured connector as <c>GET /v1/admin/connectors</c> shows it: <see cref="State"/> is <c>up</c> when it is up on
/// at least one silo; <see cref="SubmittedToday"/> the message parts every silo counted this UTC day.
/// </summary>
[GenerateSerializer, Immutable, Alias("connector-view")]
public sealed record ConnectorView(
    [property: Id(0)] string Name,
    [property: Id(1)] string Kind,
    [property: Id(2)] string State,
    [property: Id(3)] bool SupportsMms,
    [property: Id(4)] int MaxSubmitsPerSecond,
    [property: Id(5)] long SubmittedToday,
    [property: Id(6)] IReadOnlyList<ConnectorSiloView> Silos,
    [property: Id(7)] long DailyLimit)
{
    /// <summary>The connector can take messages.</summary>
    public const string Up = "up";

    /// <summary>The connector cannot take messages now; its messages wait within their validity.</summary>
    public const string Down = "down";
}

/// <summary>One connector on one silo: up or down there, and its binds (0 of 0 for connectors without binds).</summary>
[GenerateSerializer, Immutable, Alias("connector-silo-view")]
public sealed record ConnectorSiloView(
    [property: Id(0)] string Silo,
    [property: Id(1)] string State,
    [property: Id(2)] int BindsUp,
    [property: Id(3)] int Binds,
    [property: Id(4)] long SubmittedToday);
