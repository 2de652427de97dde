namespace BroadcastGrains.Smpp.Tests.Smsc;

/// <summary>What the test SMSC counted for one account (system_id), across restarts thanks to its journal.</summary>
public sealed record SmscStats(
    int Binds, int BindRejects, int Unbinds, int Drops, int SubmitPdus, int Accepted, int Rejected, int Throttled,
    int Duplicates, int Messages, int ReceiptsSent, int ReceiptsAcked, int ReceiptsNacked, int Delivered,
    int Undelivered, int Expired, int InboundSent, int InboundAcked, int Sessions);

/// <summary>A message as the SMSC reassembled it from its parts, with the addressing it arrived with.</summary>
public sealed record SmscMessage(
    string Dest, string Src, int SrcTon, int SrcNpi, int DestTon, int DestNpi, int DataCoding, int EsmClass,
    int RegisteredDelivery, int Parts, string Text);
