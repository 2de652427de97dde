namespace BroadcastGrains.Silo.Hosting;

/// <summary>The cluster's TLS settings name a file that cannot serve as this silo's identity; the message says why.</summary>
internal sealed class ClusterCertificateException : Exception
{
    public ClusterCertificateException()
    {
    }

    public ClusterCertificateException(string message) : base(message)
    {
    }

    public ClusterCertificateException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
