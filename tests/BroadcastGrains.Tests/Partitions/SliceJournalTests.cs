using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
using BroadcastGrains.Partitions;

namespace BroadcastGrains.Tests.Partitions;

/// <summary>
/// Journal entries: one per batch of changes, holding the changed recipients' columns and the money; replaying the
/// entries onto the snapshot they follow brings back the state that wrote them, however often they are replayed.
/// </summary>
public sealed class SliceJournalTests
{
    [Fact]
    public void Nothing_is_written_without_a_journal_or_without_a_change_unless_money_moved()
    {
        Assert.Null(SliceJournal.Next(Slices.Planned(2, journaled: false), force: true));
        var state = Slices.Planned(2, journaled: true);
        Assert.Null(SliceJournal.Next(state, force: false));

        var moneyOnly = SliceJournal.Next(state, force: true);

        Assert.Equal(1, moneyOnly!.Seq);
        Assert.Empty(moneyOnly.Indexes);
    }

    [Fact]
    public void Replaying_the_entries_onto_the_snapshot_restores_the_state_that_wrote_them()
    {
        var state = Slices.Planned(4, journaled: true);
        var snapshot = Slices.Planned(4, journaled: true);
        var ledger = new SliceLedger(state, refundFailed: true, new FinalNotes());
        var batch = new List<int>();
        ledger.QueueNext(3, batch, now: 5);
        var intent = SliceJournal.Next(state, force: false)!;
        SliceJournal.Appended(state, intent);
        SubmitResult[] results = [new(SubmitStatus.Accepted, "c-1", null), new(SubmitStatus.Accepted, null, null),
            new(SubmitStatus.Rejected, null, null)];
        var routing = new BatchRouting(clientId: null, forcedRoute: null, isMms: false, regions: ["UG", "US", "US"]);
        (routing.Routes[0], routing.Routes[1], routing.Routes[2]) = ("ug", "us", "us");
        (routing.Connectors[0], routing.Connectors[1], routing.Connectors[2]) = ("smsc-a", "smsc-b", "smsc-b");
        new RouteColumns(state).Record(batch.ToArray(), results, routing);
        ledger.Submitted(batch.ToArray(), results, now: 6);
        state.Uncaptured = 0;
        state.InflightCapture = 2 * Slices.Price;
        var outcome = SliceJournal.Next(state, force: true)!;
        SliceJournal.Appended(state, outcome);

        foreach (var entry in new[] { intent, outcome, outcome })
        {
            SliceJournal.Replay(snapshot, entry);
        }
        snapshot.Recount();

        Assert.Equal((1L, 2L), (intent.Seq, outcome.Seq));
        Assert.Empty(state.Changed!);
        Assert.Equal(state.Statuses, snapshot.Statuses);
        Assert.Equal(state.Errors, snapshot.Errors);
        Assert.Equal(state.UpdatedAt, snapshot.UpdatedAt);
        Assert.Equal(state.Counts, snapshot.Counts);
        Assert.Equal(state.Money(), snapshot.Money());
        Assert.Equal((state.Cursor, state.Version, state.JournalSeq), (snapshot.Cursor, snapshot.Version, snapshot.JournalSeq));
        Assert.Equal("c-1", snapshot.CarrierIds![0]);
        Assert.Equal(RecipientStatus.Blocked, (RecipientStatus)snapshot.Statuses[2]);
        var resumed = new RouteColumns(snapshot);
        Assert.Equal(new[] { "ug", "us", "us", null }, Enumerable.Range(0, 4).Select(resumed.RouteOf));
        // The refused message took its route but no connector.
        Assert.Equal(new[] { "smsc-a", "smsc-b", null, null }, Enumerable.Range(0, 4).Select(resumed.ConnectorOf));
    }
}
