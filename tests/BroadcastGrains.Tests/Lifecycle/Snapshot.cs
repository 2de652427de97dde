using BroadcastGrains.Broadcasts;
using BroadcastGrains.Wallet;

namespace BroadcastGrains.Tests.Lifecycle;

/// <summary>A broadcast, its client's wallet and the ledger's length at one moment.</summary>
internal sealed record Snapshot(BroadcastView Broadcast, WalletView Wallet, int LedgerEntries);
