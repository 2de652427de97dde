using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue.Senders;

/// <summary>
/// One sender name across clients (<see cref="ISenderDirectoryGrain"/>); a handful of client ids, plus whoever sent from
/// it in the last week when it is shared. Every decision is written before it is answered, so an approval or a share
/// this grain granted survives a crash, and a refused one changed nothing.
/// </summary>
[GrainType("sender-directory")]
internal sealed class SenderDirectoryGrain(
    [PersistentState("sender-directory", StorageNames.Grains)] IPersistentState<SenderDirectoryState> directory,
    TimeProvider time)
    : Grain, ISenderDirectoryGrain
{
    SenderDirectoryState State => directory.State;

    public async Task<bool> SetAsync(string clientId, bool owns, bool approved = false)
    {
        approved &= owns;
        if (approved && !SenderNameRules.MayApprove(State.ApprovedClientIds, State.Shared, clientId))
        {
            return false;
        }
        var (wasOwner, wasApproved) = (State.ClientIds.Contains(clientId), State.ApprovedClientIds.Contains(clientId));
        var changed = Toggle(State.ClientIds, clientId, owns) | Toggle(State.ApprovedClientIds, clientId, approved);
        if (changed)
        {
            try
            {
                await directory.WriteStateAsync();
            }
            catch
            {
                // What was not stored was not decided: the next caller must see the name as it was.
                Toggle(State.ClientIds, clientId, wasOwner);
                Toggle(State.ApprovedClientIds, clientId, wasApproved);
                throw;
            }
        }
        return true;
    }

    public Task<IReadOnlyList<string>> GetClientsAsync() =>
        Task.FromResult(SenderNameRules.Candidates(State.ClientIds, State.LastSent, time.GetUtcNow()));

    public async Task NoteSentAsync(string clientId, DateTimeOffset at)
    {
        if (State.LastSent.TryGetValue(clientId, out var last) && last >= at)
        {
            return;
        }
        foreach (var expired in SenderNameRules.Expired(State.LastSent, time.GetUtcNow()))
        {
            State.LastSent.Remove(expired);
        }
        State.LastSent[clientId] = at;
        await directory.WriteStateAsync();
    }

    public async Task<bool> ShareAsync(IReadOnlyList<string>? clientIds)
    {
        if (!SenderNameRules.MayShare(State.ApprovedClientIds))
        {
            return false;
        }
        if (State.Shared && SenderNameRules.SameClients(State.SharedWith, clientIds))
        {
            return true;
        }
        State.Shared = true;
        State.SharedWith = clientIds?.ToList();
        await directory.WriteStateAsync();
        return true;
    }

    public async Task<bool> UnshareAsync()
    {
        if (!State.Shared)
        {
            return false;
        }
        State.Shared = false;
        State.SharedWith = null;
        await directory.WriteStateAsync();
        return true;
    }

    public Task<bool> IsSharedWithAsync(string clientId) =>
        Task.FromResult(SenderNameRules.IsSharedWith(State.Shared, State.SharedWith, clientId));

    /// <summary>Adds or removes <paramref name="clientId"/>; true when the list changed.</summary>
    static bool Toggle(List<string> clients, string clientId, bool present)
    {
        if (present == clients.Contains(clientId))
        {
            return false;
        }
        if (present)
        {
            clients.Add(clientId);
        }
        else
        {
            clients.Remove(clientId);
        }
        return true;
    }
}

[GenerateSerializer, Alias("sender-directory-state")]
internal sealed class SenderDirectoryState
{
    /// <summary>Clients that registered the name and were not rejected.</summary>
    [Id(0)] public List<string> ClientIds { get; set; } = [];

    /// <summary>Clients holding the name approved: one, unless the name is shared.</summary>
    [Id(1)] public List<string> ApprovedClientIds { get; set; } = [];

    [Id(2)] public bool Shared { get; set; }

    /// <summary>The clients a shared name is for; null for every client.</summary>
    [Id(3)] public List<string>? SharedWith { get; set; }

    /// <summary>When each client last started sending from the name, kept for the reply window.</summary>
    [Id(4)] public Dictionary<string, DateTimeOffset> LastSent { get; set; } = [];
}
