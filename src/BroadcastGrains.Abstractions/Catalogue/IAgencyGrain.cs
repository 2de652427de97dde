namespace BroadcastGrains.Catalogue;

/// <summary>An agency and the ids of the API keys issued to it. Keyed by agency id.</summary>
[Alias("agency")]
public interface IAgencyGrain : IGrainWithStringKey
{
    /// <summary>Creates the agency; answers the stored profile (the first one, when called again).</summary>
    [Alias("create")]
    Task<AgencyProfile> CreateAsync(AgencyProfile profile);

    /// <summary>The profile, or null when no such agency exists.</summary>
    [Alias("get")]
    Task<AgencyProfile?> GetAsync();

    /// <summary>Remembers a key issued to this agency.</summary>
    [Alias("add-key")]
    Task AddKeyAsync(string keyId);

    /// <summary>Ids of the keys issued to this agency, oldest first.</summary>
    [Alias("key-ids")]
    Task<IReadOnlyList<string>> GetKeyIdsAsync();
}
