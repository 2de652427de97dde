namespace BroadcastGrains.Carrier.Smpp.Protocol;

/// <summary>The fixed-shape PDUs: binds, responses, enquire_link, unbind, generic_nack (SMPP 3.4 chapter 4).</summary>
internal static class Pdus
{
    /// <summary>SMPP 3.4 in interface_version.</summary>
    public const byte InterfaceVersion = 0x34;

    public static byte[] BindTransceiver(uint sequence, string systemId, string password, string systemType) =>
        new PduWriter(SmppCommand.BindTransceiver, sequence)
            .CString(systemId, 16).CString(password, 9).CString(systemType, 13)
            .Byte(InterfaceVersion).Byte(0).Byte(0).CString("", 41)
            .ToArray();

    /// <summary>
    /// A response with a message_id body (submit_sm_resp, deliver_sm_resp) or a system_id body (the bind responses).
    /// SMPP 3.4 says a response with a non-zero status has no body, so none is written then.
    /// </summary>
    public static byte[] ResponseWithId(SmppCommand response, uint sequence, uint status, string id) =>
        status == SmppStatus.Ok
            ? new PduWriter(response, sequence, status).CString(id, 65).ToArray()
            : Empty(response, sequence, status);

    /// <summary>A header-only PDU: enquire_link and unbind and their responses, generic_nack, a rejected request's response.</summary>
    public static byte[] Empty(SmppCommand command, uint sequence, uint status = SmppStatus.Ok) =>
        new PduWriter(command, sequence, status).ToArray();

    /// <summary>The message_id of a submit_sm_resp, or the system_id of a bind response; empty when the body is.</summary>
    public static string ReadId(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return "";
        }
        var reader = new PduReader(body);
        return reader.CString(65);
    }
}
