using BroadcastGrains.Broadcasts;
using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue.Senders;

/// <summary>
/// The operator's shared senders (<see cref="ISharedSendersGrain"/>). The name's <see cref="ISenderDirectoryGrain"/> is
/// asked first, as it decides between sharing and approvals of the name; if this grain then cannot store the list, the
/// name's grain is put back as it was, so a failed share leaves nothing behind.
/// </summary>
[GrainType("shared-senders")]
internal sealed class SharedSendersGrain(
    [PersistentState("shared-senders", StorageNames.Grains)] IPersistentState<SharedSendersState> shared,
    TimeProvider time)
    : Grain, ISharedSendersGrain
{
    /// <summary>Keeps the list one small row; an operator shares a few names, not thousands.</summary>
    const int MaxShared = 1000;

    List<SharedSenderView> Senders => shared.State.Senders;

    public async Task<SharedSenderOutcome> ShareAsync(string name, IReadOnlyList<string>? clientIds)
    {
        if (SharedSenderRequest.Problem(name, clientIds) is { } problem)
        {
            return new(null, false, ErrorCodes.ValidationFailed, problem.Field, problem.Detail);
        }
        name = name.Trim();
        var clients = clientIds?.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var clientId in clients ?? [])
        {
            if (await GrainFactory.GetGrain<IClientGrain>(clientId).GetAsync() is null)
            {
                return new(null, false, ErrorCodes.ValidationFailed, "clientIds", $"no client '{clientId}'");
            }
        }
        var at = IndexOf(name);
        if (at < 0 && Senders.Count >= MaxShared)
        {
            return new(null, false, ErrorCodes.ValidationFailed, "name", $"at most {MaxShared} shared senders");
        }
        var directory = GrainFactory.GetGrain<ISenderDirectoryGrain>(SenderNameKeys.Of(name));
        if (!await directory.ShareAsync(clients))
        {
            return new(null, false, ErrorCodes.SenderTaken, "name", $"'{name}' is approved for a client; reject it there before sharing it");
        }
        var previous = at < 0 ? null : Senders[at];
        if (previous is not null && SenderNameRules.SameClients(previous.ClientIds, clients))
        {
            return new(previous, false);
        }
        var sender = previous is null
            ? new SharedSenderView(CatalogueIds.New(CatalogueIds.Sender), name,
                RecipientInput.TryParseE164Digits(name, out _) ? "phone_number" : "alphanumeric", clients, time.GetUtcNow())
            : previous with { ClientIds = clients };
        try
        {
            if (previous is null)
            {
                Senders.Add(sender);
            }
            else
            {
                Senders[at] = sender;
            }
            await shared.WriteStateAsync();
        }
        catch
        {
            await (previous is null ? directory.UnshareAsync() : directory.ShareAsync(previous.ClientIds));
            await shared.ReadStateAsync();
            throw;
        }
        return new(sender, previous is null);
    }

    public Task<IReadOnlyList<SharedSenderView>> ListAsync() => Task.FromResult<IReadOnlyList<SharedSenderView>>([.. Senders]);

    public async Task<bool> UnshareAsync(string name)
    {
        var at = IndexOf(name);
        if (at < 0)
        {
            return false;
        }
        // The name's grain first: from then on nobody may send from it, even if the list below is not stored yet
        // (a repeated DELETE finishes it).
        await GrainFactory.GetGrain<ISenderDirectoryGrain>(SenderNameKeys.Of(name)).UnshareAsync();
        Senders.RemoveAt(at);
        try
        {
            await shared.WriteStateAsync();
        }
        catch
        {
            await shared.ReadStateAsync();
            throw;
        }
        return true;
    }

    int IndexOf(string name)
    {
        var key = SenderNameKeys.Of(name);
        return Senders.FindIndex(s => SenderNameKeys.Of(s.Name) == key);
    }
}

[GenerateSerializer, Alias("shared-senders-state")]
internal sealed class SharedSendersState
{
    [Id(0)] public List<SharedSenderView> Senders { get; set; } = [];
}
