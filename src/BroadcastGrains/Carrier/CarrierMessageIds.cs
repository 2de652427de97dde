namespace BroadcastGrains.Carrier;

/// <summary>
/// Carrier message ids that name the partition and recipient that sent them (<c>{partitionKey}:{index}</c>), so a receipt
/// finds its partition without a global per-message table.
/// </summary>
public static class CarrierMessageIds
{
    /// <summary>The id of recipient <paramref name="index"/> of partition <paramref name="partitionKey"/>.</summary>
    public static string Format(string partitionKey, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{partitionKey}:{index}");

    /// <summary>Splits an id made by <see cref="Format"/>.</summary>
    public static bool TryParse(string? carrierMessageId, out string partitionKey, out int index)
    {
        partitionKey = "";
        index = -1;
        var colon = carrierMessageId?.LastIndexOf(':') ?? -1;
        if (colon <= 0 || !int.TryParse(carrierMessageId.AsSpan(colon + 1), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out index))
        {
            return false;
        }
        partitionKey = carrierMessageId![..colon];
        return true;
    }
}
