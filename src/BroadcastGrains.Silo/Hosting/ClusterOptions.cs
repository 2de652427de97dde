using System.ComponentModel.DataAnnotations;

namespace BroadcastGrains.Silo.Hosting;

/// <summary>The <c>Broadcast:Cluster</c> section: this silo's identity, ports and how they are protected.</summary>
public sealed class ClusterSettings
{
    /// <summary>The section's name.</summary>
    public const string Section = "Broadcast:Cluster";

    /// <summary>Orleans cluster id (and service id).</summary>
    [Required]
    public string ClusterId { get; set; } = "broadcastgrains";

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients connect to.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at (an IP address, or a host name resolved at start).</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// The address the silo and gateway ports bind to; unset, the advertised one. <c>0.0.0.0</c> means every interface,
    /// which is an explicit choice: anyone who reaches those ports can call any grain unless TLS is on.
    /// </summary>
    public string? ListenAddress { get; set; }

    /// <summary>
    /// A PKCS#12 (.pfx) file holding this silo's certificate with its private key and the CA certificate that issued
    /// it. Set, every silo and gateway connection is mutual TLS and only peers with a certificate from that CA get in.
    /// </summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>The password of <see cref="TlsCertificatePath"/>, if it has one.</summary>
    public string? TlsCertificatePassword { get; set; }
}
