namespace BroadcastGrains.Broadcasts;

/// <summary>What <c>POST /v1/broadcasts/precheck</c> answers: the price and the problems of a broadcast, without creating it.</summary>
[GenerateSerializer, Immutable, Alias("precheck-view")]
public sealed record PrecheckView
{
#pragma warning disable CS1591 // the fields are API.md's precheck answer, documented there.
    [Id(0)] public long TotalRecipients { get; init; }
    [Id(1)] public long Invalid { get; init; }
    [Id(2)] public long Duplicates { get; init; }
    [Id(3)] public long OptedOut { get; init; }
    [Id(4)] public required string Encoding { get; init; }
    [Id(5)] public int SegmentsPerMessage { get; init; }
    [Id(6)] public long TotalSegments { get; init; }
    [Id(7)] public decimal TotalCredits { get; init; }
    [Id(8)] public decimal WalletBalance { get; init; }
    [Id(9)] public decimal BalanceAfter { get; init; }
    [Id(10)] public bool SufficientBalance { get; init; }
    [Id(11)] public required IReadOnlyList<CountryBreakdown> Breakdown { get; init; }
    [Id(12)] public required IReadOnlyList<string> Unroutable { get; init; }
    [Id(13)] public long UnroutableCount { get; init; }
    [Id(14)] public int Countries { get; init; }
    [Id(15)] public required string WalletCurrency { get; init; }
#pragma warning restore CS1591
}
