using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue.Agencies;

[GrainType("agency")]
internal sealed class AgencyGrain(
    [PersistentState("agency", StorageNames.Grains)] IPersistentState<AgencyState> agency)
    : Grain, IAgencyGrain
{
    public async Task<AgencyProfile> CreateAsync(AgencyProfile profile)
    {
        if (agency.State.Profile is { } existing)
        {
            return existing;
        }
        agency.State.Profile = profile with { Id = this.GetPrimaryKeyString() };
        await agency.WriteStateAsync();
        return agency.State.Profile;
    }

    public Task<AgencyProfile?> GetAsync() => Task.FromResult(agency.State.Profile);

    public async Task AddKeyAsync(string keyId)
    {
        if (!agency.State.KeyIds.Contains(keyId))
        {
            agency.State.KeyIds.Add(keyId);
            await agency.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetKeyIdsAsync() => Task.FromResult<IReadOnlyList<string>>(agency.State.KeyIds);
}

[GenerateSerializer, Alias("agency-state")]
internal sealed class AgencyState
{
    [Id(0)] public AgencyProfile? Profile { get; set; }
    [Id(1)] public List<string> KeyIds { get; set; } = [];
}
