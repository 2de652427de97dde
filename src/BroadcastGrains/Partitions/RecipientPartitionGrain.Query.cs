using BroadcastGrains.Broadcasts;
using BroadcastGrains.Carrier;
using BroadcastGrains.PhoneNumbers;

namespace BroadcastGrains.Partitions;

/// <summary>Reading recipients back, a page at a time, in slice order.</summary>
internal sealed partial class RecipientPartitionGrain
{
    public async Task<PartitionRecipientPage> GetRecipientsAsync(int from, int limit, RecipientStatus? status)
    {
        var items = new List<RecipientView>(Math.Min(limit, 1000));
        if (State.Slice is null)
        {
            return new PartitionRecipientPage(items, -1);
        }
        var statuses = State.Statuses;
        var start = Math.Max(from, 0);
        var i = start;
        var indexes = new List<int>(items.Capacity);
        for (; i < statuses.Length && items.Count < limit; i++)
        {
            if (status is null || statuses[i] == (byte)status)
            {
                items.Add(View(i));
                indexes.Add(i);
            }
        }
        // One call for the page's clicks, over the range it spans.
        if (await ClicksOfAsync(start, i - start) is { } clicks)
        {
            for (var k = 0; k < items.Count; k++)
            {
                items[k] = items[k] with { Clicks = clicks[indexes[k] - start] };
            }
        }
        return new PartitionRecipientPage(items, i < statuses.Length ? i : -1);
    }

    RecipientView View(int index)
    {
        var routeColumns = new RouteColumns(State);
        var status = (RecipientStatus)State.Statuses[index];
        var wasAccepted = State.WasCharged(index);
        return new RecipientView(
            To: ToText(index),
            Status: status,
            Segments: State.Segments[index],
            Credits: wasAccepted ? State.CostOf(index) : 0,
            CarrierMessageId: wasAccepted ? CarrierIdOf(index) : null,
            Error: ((RecipientError)State.Errors[index]).ToApiText(),
            UpdatedAt: State.CreatedAt.AddSeconds(State.UpdatedAt[index]),
            Route: routeColumns.RouteOf(index),
            Connector: routeColumns.ConnectorOf(index),
            Attempts: RetryRule.Attempts(State, index));
    }

    string CarrierIdOf(int index) =>
        State.CarrierIds?.GetValueOrDefault(index) ?? CarrierMessageIds.Format(Key, index);

    string ToText(int index)
    {
        var number = Slice.Numbers[index];
        if (number != 0)
        {
            return PhoneNumberClassifier.Format(number);
        }
        var at = Array.IndexOf(Slice.InvalidIndexes, index);
        return at >= 0 ? Slice.InvalidTexts[at] : "";
    }
}
