namespace BroadcastGrains.ExternalClient.Tests.Security;

/// <summary>
/// The cluster security tests start several silo processes each; one after another, so that on two cores they do not
/// push each other's start-up past its deadline.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection
{
    public const string Name = "Cluster security";
}
