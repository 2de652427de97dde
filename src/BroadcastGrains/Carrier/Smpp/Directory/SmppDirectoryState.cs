namespace BroadcastGrains.Carrier.Smpp.Directory;

/// <summary>
/// A directory shard's state: parts by SMSC id, unconfirmed parts by address key (oldest first), and the tallies of
/// long messages whose parts are still reporting. Bounded by the messages in flight: entries leave when their receipt
/// is routed, and a sweep drops whatever outlived the receipt window.
/// </summary>
[GenerateSerializer, Alias("smpp-directory-state")]
internal sealed class SmppDirectoryState
{
    [Id(0)]
    public Dictionary<string, DirectoryRecord> Parts { get; set; } = [];

    [Id(1)]
    public Dictionary<string, List<DirectoryRecord>> Unconfirmed { get; set; } = [];

    [Id(2)]
    public Dictionary<string, PartTally> Tallies { get; set; } = [];
}

/// <summary>An entry and when it was registered (Unix seconds), for the sweep.</summary>
[GenerateSerializer, Immutable, Alias("smpp-directory-record")]
internal sealed record DirectoryRecord([property: Id(0)] DirectoryEntry Entry, [property: Id(1)] long RegisteredAt);

/// <summary>The receipts one long message's parts have given so far.</summary>
[GenerateSerializer, Alias("smpp-part-tally")]
internal sealed class PartTally
{
    [Id(0)]
    public byte Parts { get; set; }

    /// <summary>Bit <c>p - 1</c> is set once part <c>p</c> has reported (a repeated receipt changes nothing).</summary>
    [Id(1)]
    public ulong Reported { get; set; }

    /// <summary>True once the message's outcome went to its partition.</summary>
    [Id(2)]
    public bool Decided { get; set; }

    [Id(3)]
    public long StartedAt { get; set; }

    public bool Complete => Reported == (Parts >= 64 ? ulong.MaxValue : (1UL << Parts) - 1);
}
