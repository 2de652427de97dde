namespace BroadcastGrains.Carrier.Smpp.Protocol;

/// <summary>
/// The SMPP 3.4 command ids this link speaks (section 5.1.2.1). A response carries its request's id with the high bit
/// set, which <see cref="PduHeader.IsResponse"/> tests.
/// </summary>
internal enum SmppCommand : uint
{
    GenericNack = 0x8000_0000,
    BindReceiver = 0x0000_0001,
    BindReceiverResp = 0x8000_0001,
    BindTransmitter = 0x0000_0002,
    BindTransmitterResp = 0x8000_0002,
    SubmitSm = 0x0000_0004,
    SubmitSmResp = 0x8000_0004,
    DeliverSm = 0x0000_0005,
    DeliverSmResp = 0x8000_0005,
    Unbind = 0x0000_0006,
    UnbindResp = 0x8000_0006,
    BindTransceiver = 0x0000_0009,
    BindTransceiverResp = 0x8000_0009,
    EnquireLink = 0x0000_0015,
    EnquireLinkResp = 0x8000_0015,
}

/// <summary>Helpers on <see cref="SmppCommand"/>.</summary>
internal static class SmppCommands
{
    const uint ResponseBit = 0x8000_0000;

    /// <summary>The response id of a request id.</summary>
    public static SmppCommand ResponseOf(SmppCommand request) => (SmppCommand)((uint)request | ResponseBit);

    /// <summary>True for responses (and generic_nack, which is one).</summary>
    public static bool IsResponse(uint commandId) => (commandId & ResponseBit) != 0;
}
