namespace BroadcastGrains.Partitions;

/// <summary>Why a recipient did not get its message, one byte per recipient; <see cref="None"/> for most.</summary>
public enum RecipientError : byte
{
    /// <summary>No error.</summary>
    None,
    /// <summary>Not a valid phone number.</summary>
    InvalidNumber,
    /// <summary>The country has no route (its price is null).</summary>
    NoRoute,
    /// <summary>The carrier refused the number at submit.</summary>
    CarrierRejected,
    /// <summary>The carrier reported the message undelivered.</summary>
    Undelivered,
    /// <summary>The message's validity passed before delivery.</summary>
    Expired,
    /// <summary>No receipt came within the receipt window.</summary>
    NoReceipt,
    /// <summary>The validity passed before the message could be sent (drip, quiet hours); never charged.</summary>
    ExpiredUnsent,
    /// <summary>An MMS whose route has no connector that carries MMS; never charged.</summary>
    MmsNotSupported,
}

/// <summary>Helpers over <see cref="RecipientError"/>.</summary>
public static class RecipientErrors
{
    /// <summary>The <c>error</c> the API shows, or null.</summary>
    public static string? ToApiText(this RecipientError error) => error switch
    {
        RecipientError.None => null,
        RecipientError.InvalidNumber => "invalid_number",
        RecipientError.NoRoute => "no_route",
        RecipientError.CarrierRejected => "carrier_rejected",
        RecipientError.Undelivered => "undelivered",
        RecipientError.Expired => "expired",
        RecipientError.NoReceipt => "no_receipt",
        RecipientError.ExpiredUnsent => "expired_unsent",
        RecipientError.MmsNotSupported => "mms_not_supported",
        _ => null,
    };
}
