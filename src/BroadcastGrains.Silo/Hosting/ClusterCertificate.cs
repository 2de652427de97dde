using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BroadcastGrains.Silo.Hosting;

/// <summary>
/// This silo's TLS identity, read from <c>Broadcast__Cluster__TlsCertificatePath</c>, and the rule for whom it trusts:
/// a peer (another silo, or an Orleans client) whose certificate chains to a CA certificate in the same file. The
/// cluster's CA is then its membership list: issuing a certificate admits a machine, and nothing else does. Host names
/// are not checked, because silos dial each other by IP address and clients by whatever the operator configured.
/// </summary>
internal sealed class ClusterCertificate
{
    const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    readonly X509Certificate2Collection _authorities;
    readonly X509Certificate2Collection _intermediates;

    ClusterCertificate(X509Certificate2 certificate, X509Certificate2Collection authorities,
        X509Certificate2Collection intermediates)
    {
        Certificate = certificate;
        _authorities = authorities;
        _intermediates = intermediates;
    }

    /// <summary>The silo's own certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Reads and checks the file, so that a bad one stops the silo at start with the reason.</summary>
    /// <exception cref="ClusterCertificateException">The file is missing, unreadable, or not a usable identity.</exception>
    public static ClusterCertificate Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new ClusterCertificateException($"Broadcast__Cluster__TlsCertificatePath '{path}' does not exist.");
        }
        X509Certificate2Collection all;
        try
        {
            all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password);
        }
        catch (CryptographicException e)
        {
            throw new ClusterCertificateException(
                $"Broadcast__Cluster__TlsCertificatePath '{path}' cannot be read with Broadcast__Cluster__TlsCertificatePassword (wrong password, or not a PKCS#12 file): {e.Message}");
        }
        var withKey = all.Where(c => c.HasPrivateKey).ToList();
        if (withKey.Count != 1)
        {
            throw new ClusterCertificateException(
                $"'{path}' holds {withKey.Count} certificates with a private key; it needs exactly one, this silo's.");
        }
        var authorities = new X509Certificate2Collection(all.Where(IsSelfSigned).ToArray());
        if (authorities.Count == 0)
        {
            throw new ClusterCertificateException(
                $"'{path}' holds no CA certificate: export it with the issuing CA's certificate (openssl pkcs12 -export ... -certfile ca.crt).");
        }
        var intermediates = new X509Certificate2Collection(all.Where(c => !IsSelfSigned(c)).ToArray());
        var identity = new ClusterCertificate(withKey[0], authorities, intermediates);
        identity.CheckUsableForBothEnds();
        return identity;
    }

    /// <summary>Whether <paramref name="peer"/> chains to this cluster's CA and is valid now.</summary>
    /// <param name="peer">The certificate the remote end presented.</param>
    /// <param name="presented">The chain TLS built for it, whose intermediates may help; it is never trusted itself.</param>
    public bool Trusts(X509Certificate2 peer, X509Chain? presented)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.ExtraStore.AddRange(_intermediates);
        foreach (var element in presented?.ChainElements.Skip(1) ?? [])
        {
            chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }
        // A private CA publishes no revocation list; removing a machine means re-issuing the cluster's certificates.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(peer);
    }

    // The silo's certificate serves the silo and gateway ports (server) and dials other silos (client).
    void CheckUsableForBothEnds()
    {
        if (!Trusts(Certificate, presented: null))
        {
            throw new ClusterCertificateException(
                $"The certificate '{Certificate.Subject}' does not chain to the CA in the same file, or is not valid now (valid {Certificate.NotBefore:u} to {Certificate.NotAfter:u}).");
        }
        foreach (var usage in Certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>())
        {
            var oids = usage.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value).ToHashSet();
            if (!oids.Contains(ServerAuthentication) || !oids.Contains(ClientAuthentication))
            {
                throw new ClusterCertificateException(
                    $"The certificate '{Certificate.Subject}' must allow both serverAuth and clientAuth (extended key usage): a silo is server and client.");
            }
        }
    }

    static bool IsSelfSigned(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
}
