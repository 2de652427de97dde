using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BroadcastGrains.Testing.Security;

/// <summary>
/// A throw-away private CA, as SECURITY.md has an operator make one: a self-signed CA certificate, and silo or client
/// certificates it signs, written as PKCS#12 files (the certificate, its key and the CA's certificate) to a temporary
/// folder that goes on dispose. ECDSA P-256 keys: quick to make, and as good for TLS as RSA.
/// </summary>
internal sealed class TestCertificateAuthority : IDisposable
{
    const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    readonly ECDsa _key;
    readonly DirectoryInfo _folder;

    TestCertificateAuthority(string name, ECDsa key, X509Certificate2 certificate, DirectoryInfo folder)
    {
        Name = name;
        _key = key;
        Certificate = certificate;
        _folder = folder;
    }

    public string Name { get; }

    /// <summary>The CA's own certificate, with its key.</summary>
    public X509Certificate2 Certificate { get; }

    public static TestCertificateAuthority Create(string name)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        var folder = Directory.CreateTempSubdirectory("broadcast-ca-");
        return new TestCertificateAuthority(name, key, certificate, folder);
    }

    /// <summary>
    /// A certificate this CA signs, for a silo (serverAuth and clientAuth) or an Orleans client (clientAuth), with its
    /// private key; <see cref="WritePfx"/> stores it.
    /// </summary>
    public X509Certificate2 Issue(string subject, bool silo = true)
    {
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", leafKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var usages = new OidCollection { new Oid(ClientAuthentication) };
        if (silo)
        {
            usages.Add(new Oid(ServerAuthentication));
        }
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        var now = DateTimeOffset.UtcNow;
        using var signed = request.Create(Certificate, now.AddMinutes(-5), now.AddHours(12), serial);
        return signed.CopyWithPrivateKey(leafKey);
    }

    /// <summary>Writes <paramref name="certificate"/> with its key and this CA's certificate (no CA key) as a .pfx.</summary>
    public string WritePfx(X509Certificate2 certificate, string password, bool withAuthority = true)
    {
        var collection = new X509Certificate2Collection(certificate);
        if (withAuthority)
        {
            collection.Add(X509CertificateLoader.LoadCertificate(Certificate.RawData));
        }
        var path = Path.Combine(_folder.FullName, $"{certificate.GetNameInfo(X509NameType.SimpleName, false)}.pfx");
        File.WriteAllBytes(path, collection.Export(X509ContentType.Pkcs12, password)!);
        return path;
    }

    /// <summary>The rule SECURITY.md gives Orleans clients: the silo's certificate chains to this CA.</summary>
    public bool Issued(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    public void Dispose()
    {
        _key.Dispose();
        Certificate.Dispose();
        _folder.Delete(recursive: true);
    }
}
