namespace BroadcastGrains.Carrier.Connectors.Rate;

/// <summary>Cuts a <see cref="SubmitBatch"/> into runs of consecutive messages, as the rate gate lets parts through.</summary>
public static class BatchSlices
{
    /// <summary>
    /// How many messages from <paramref name="start"/> make up at most <paramref name="maxParts"/> parts (at least one
    /// message, however long), and their parts.
    /// </summary>
    public static (int Count, int Parts) Next(SubmitBatch batch, int start, int end, int maxParts)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (count, parts) = (0, 0);
        for (var i = start; i < end; i++)
        {
            var these = PartsOf(batch, i);
            if (count > 0 && parts + these > maxParts)
            {
                break;
            }
            count++;
            parts += these;
        }
        return (count, parts);
    }

    /// <summary>The parts of message <paramref name="i"/> (a message always counts at least one).</summary>
    public static int PartsOf(SubmitBatch batch, int i) => Math.Max((byte)1, batch.Segments[i]);

    /// <summary>Messages <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> as a batch of their own.</summary>
    public static SubmitBatch Slice(SubmitBatch batch, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (start == 0 && count == batch.Count)
        {
            return batch with { Routing = null };
        }
        return new SubmitBatch(batch.PartitionKey, batch.From, batch.Indexes[start..(start + count)],
            batch.Numbers[start..(start + count)], batch.Bodies[start..(start + count)], batch.Segments[start..(start + count)],
            batch.MediaUrls, count);
    }

    /// <summary>Whose messages these are, for fairness: the broadcast id that starts a partition key.</summary>
    public static string FlowOf(SubmitBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var slash = batch.PartitionKey.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? batch.PartitionKey[..slash] : batch.PartitionKey;
    }
}
