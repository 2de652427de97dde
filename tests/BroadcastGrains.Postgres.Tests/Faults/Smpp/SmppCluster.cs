using System.Globalization;
using BroadcastGrains.Postgres.Tests.Hosting;
using BroadcastGrains.Smpp.Tests.Smsc;

namespace BroadcastGrains.Postgres.Tests.Faults.Smpp;

/// <summary>
/// Silo processes on one PostgreSQL database that all bind to one test SMSC (tests/smsc) under one system_id, so the
/// SMSC counts what the whole cluster submitted and sends a receipt on whichever bind is up.
/// </summary>
internal static class SmppCluster
{
    public const string SystemId = "faults";

    /// <summary>The settings of a silo that sends through <paramref name="smsc"/>.</summary>
    public static Dictionary<string, string> Settings(SmscProcess smsc) => new()
    {
        ["Broadcast__Carrier"] = "Smpp",
        ["Broadcast__Smpp__Host"] = "127.0.0.1",
        ["Broadcast__Smpp__Port"] = smsc.SmppPort.ToString(CultureInfo.InvariantCulture),
        ["Broadcast__Smpp__SystemId"] = SystemId,
        ["Broadcast__Smpp__Password"] = SmscProcess.Password,
        ["Broadcast__Smpp__Binds"] = "2",
        // Room for every batch in flight at once, so a message in a batch the carrier took is on the wire, not
        // queued in this process: a silo killed mid-send leaves in doubt only what the SMSC may have.
        ["Broadcast__Smpp__WindowSize"] = "500",
        ["Broadcast__SubmitBatchSize"] = "100",
        ["Broadcast__Smpp__ReconnectMinMs"] = "50",
        ["Broadcast__Smpp__ReconnectMaxMs"] = "1000",
        // A receipt the cluster never matches would end its recipient `timeout` only after this.
        ["Broadcast__ReceiptWindowMinutes"] = "1",
    };

    public static Task<SiloProcess> StartSiloAsync(SiloEndpoints endpoints, string database, SmscProcess smsc) =>
        SiloProcess.StartAsync(endpoints, database, Settings(smsc));

    /// <summary>How many of <paramref name="count"/> numbers of <see cref="BroadcastChecks.Numbers"/> the SMSC refuses (…0002).</summary>
    public static int RefusedBySmsc(int count) => BroadcastChecks.Numbers(count).Count(n => n.EndsWith("0002", StringComparison.Ordinal));
}
