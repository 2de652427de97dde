namespace BroadcastGrains.Carrier.Smpp.Protocol;

/// <summary>The SMPP 3.4 command_status values the link acts on (section 5.1.3), and their spec names for logs.</summary>
internal static class SmppStatus
{
    public const uint Ok = 0x00;
    public const uint InvalidMessageLength = 0x01;
    public const uint InvalidCommandLength = 0x02;
    public const uint InvalidCommandId = 0x03;
    public const uint IncorrectBindStatus = 0x04;
    public const uint AlreadyBound = 0x05;
    public const uint SystemError = 0x08;
    public const uint InvalidSourceAddress = 0x0A;
    public const uint InvalidDestinationAddress = 0x0B;
    public const uint BindFailed = 0x0D;
    public const uint InvalidPassword = 0x0E;
    public const uint InvalidSystemId = 0x0F;
    public const uint MessageQueueFull = 0x14;
    public const uint Throttled = 0x58;
    public const uint TemporaryAppError = 0x64;

    /// <summary>True for the answers that mean "not now": the message may be submitted again later.</summary>
    public static bool IsRetryable(uint status) => status is Throttled or MessageQueueFull;

    /// <summary>The spec's name of a status, or its hex value.</summary>
    public static string Name(uint status) => status switch
    {
        Ok => "ESME_ROK",
        InvalidMessageLength => "ESME_RINVMSGLEN",
        InvalidCommandLength => "ESME_RINVCMDLEN",
        InvalidCommandId => "ESME_RINVCMDID",
        IncorrectBindStatus => "ESME_RINVBNDSTS",
        AlreadyBound => "ESME_RALYBND",
        SystemError => "ESME_RSYSERR",
        InvalidSourceAddress => "ESME_RINVSRCADR",
        InvalidDestinationAddress => "ESME_RINVDSTADR",
        BindFailed => "ESME_RBINDFAIL",
        InvalidPassword => "ESME_RINVPASWD",
        InvalidSystemId => "ESME_RINVSYSID",
        MessageQueueFull => "ESME_RMSGQFUL",
        Throttled => "ESME_RTHROTTLED",
        TemporaryAppError => "ESME_RX_T_APPN",
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"0x{status:X8}"),
    };
}
