using System.Globalization;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Silo.Api.Json;

/// <summary>One ledger line as API.md spells it.</summary>
internal sealed record LedgerEntryJson(string Id, string Kind, decimal Amount, decimal HeldDelta, string? BroadcastId,
    string? Reference, DateTimeOffset At)
{
    public static LedgerEntryJson From(LedgerEntry e) => new(
        "le_" + e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.Kind switch
        {
            LedgerKind.TopUp => "topup",
            LedgerKind.Hold => "hold",
            LedgerKind.Capture => "capture",
            LedgerKind.Release => "release",
            _ => "refund",
        },
        e.Amount, e.HeldDelta, e.BroadcastId, e.Reference, e.At);
}
