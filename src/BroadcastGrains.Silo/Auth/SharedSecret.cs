using System.Security.Cryptography;
using System.Text;

namespace BroadcastGrains.Silo.Auth;

/// <summary>A secret from configuration, compared in constant time (hashing first evens out the lengths).</summary>
internal abstract class SharedSecret(string secret)
{
    readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public string Value => secret;

    public bool Matches(string? candidate) =>
        !string.IsNullOrEmpty(candidate)
        && CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));
}

/// <summary>The operator key of <c>/v1/admin</c> (<c>Broadcast__AdminKey</c>).</summary>
internal sealed class OperatorKey(string secret) : SharedSecret(secret);

/// <summary>The secret of <c>/v1/carrier/*</c> (<c>Broadcast__CarrierSecret</c>).</summary>
internal sealed class CarrierSecret(string secret) : SharedSecret(secret);
