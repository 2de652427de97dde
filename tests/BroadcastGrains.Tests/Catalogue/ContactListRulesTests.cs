using BroadcastGrains.Broadcasts;
using BroadcastGrains.Catalogue;
using BroadcastGrains.Catalogue.ContactLists;

namespace BroadcastGrains.Tests.Catalogue;

/// <summary>What an upload may add to a list, and when each contact was added, in a few marks per shard.</summary>
public sealed class ContactListRulesTests
{
    static readonly string[] Thirty = [.. Enumerable.Range(0, 30).Select(i => $"a{i}")];

    [Fact]
    public void Variable_names_count_across_uploads_and_names_the_list_has_count_once()
    {
        var twenty = Enumerable.Range(0, 20).Select(i => $"b{i}");
        Assert.Null(ContactListRules.RefuseUpload(0, 1, Thirty, Thirty.Concat(twenty)));
        var refused = ContactListRules.RefuseUpload(0, 1, Thirty, Enumerable.Range(0, 21).Select(i => $"b{i}"));
        Assert.Equal(ErrorCodes.TooManyVariables, refused?.Code);
    }

    [Fact]
    public void An_upload_that_could_take_the_list_past_its_size_is_refused_whole()
    {
        Assert.Null(ContactListRules.RefuseUpload(IContactListGrain.MaxContacts - 10, 10, [], []));
        Assert.Equal(ErrorCodes.TooManyRecipients, ContactListRules.RefuseUpload(IContactListGrain.MaxContacts - 10, 11, [], [])?.Code);
    }

    [Fact]
    public void Added_at_marks_answer_each_upload_time_and_follow_removals()
    {
        List<int> positions = [];
        List<long> times = [];
        var first = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        AddedAtMarks.Mark(positions, times, 0, first);
        AddedAtMarks.Mark(positions, times, 5, first.AddDays(1));
        AddedAtMarks.Mark(positions, times, 6, first.AddDays(2));
        Assert.Equal([first, first, first.AddDays(1), first.AddDays(2)],
            new[] { 0, 4, 5, 6 }.Select(p => AddedAtMarks.At(positions, times, p)));

        // The only contact of the second upload goes: its mark goes, and the third upload's contact moves down.
        AddedAtMarks.Removed(positions, times, 5, countAfter: 6);
        Assert.Equal([0, 5], positions);
        Assert.Equal(first.AddDays(2), AddedAtMarks.At(positions, times, 5));
        Assert.Equal(first, AddedAtMarks.At(positions, times, 4));
    }
}
