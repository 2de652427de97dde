using BroadcastGrains.Broadcasts;
using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue.Senders;

/// <summary>
/// A client's senders. Registering one also records its owner (so the operator approves it by id) and lists the client
/// under the name in the <see cref="ISenderDirectoryGrain"/> (so replies to the name find the client); both are written
/// before this grain, so a crash in between leaves at worst an unused record, never a sender without them.
/// </summary>
[GrainType("senders")]
internal sealed class SendersGrain(
    [PersistentState("senders", StorageNames.Grains)] IPersistentState<SendersState> senders,
    TimeProvider time)
    : Grain, ISendersGrain
{
    /// <summary>Keeps the state small; no real client needs more sender ids.</summary>
    const int MaxSenders = 1000;

    string ClientId => this.GetPrimaryKeyString();

    public async Task<SenderView?> RegisterAsync(string name, bool approved = false)
    {
        name = name.Trim();
        if (!SenderNames.IsWellFormed(name))
        {
            return null;
        }
        if (Find(name) is { } existing)
        {
            return approved && existing.Status != ApprovalStatus.Approved
                ? await ReviewAsync(existing.Id, ApprovalStatus.Approved)
                : existing;
        }
        if (senders.State.Senders.Count >= MaxSenders)
        {
            return null;
        }
        var isNumber = RecipientInput.TryParseE164Digits(name, out _);
        var sender = new SenderView(CatalogueIds.New(CatalogueIds.Sender), name, isNumber ? "phone_number" : "alphanumeric",
            approved ? ApprovalStatus.Approved : ApprovalStatus.Pending, time.GetUtcNow());
        await GrainFactory.GetGrain<ICatalogueEntryGrain>(sender.Id).ClaimAsync(ClientId);
        await GrainFactory.GetGrain<ISenderDirectoryGrain>(SenderNameKeys.Of(name)).SetAsync(ClientId, owns: true);
        senders.State.Senders.Add(sender);
        await senders.WriteStateAsync();
        return sender;
    }

    public Task<IReadOnlyList<SenderView>> ListAsync() => Task.FromResult<IReadOnlyList<SenderView>>([.. senders.State.Senders]);

    public Task<SenderView?> FindAsync(string name) => Task.FromResult(Find(name));

    public async Task<SenderView?> ReviewAsync(string senderId, ApprovalStatus status)
    {
        var list = senders.State.Senders;
        var at = list.FindIndex(s => s.Id == senderId);
        if (at < 0)
        {
            return null;
        }
        if (list[at].Status != status)
        {
            list[at] = list[at] with { Status = status };
            await GrainFactory.GetGrain<ISenderDirectoryGrain>(SenderNameKeys.Of(list[at].Name))
                .SetAsync(ClientId, owns: status != ApprovalStatus.Rejected);
            await senders.WriteStateAsync();
        }
        return list[at];
    }

    SenderView? Find(string name)
    {
        var key = SenderNameKeys.Of(name);
        return senders.State.Senders.Find(s => SenderNameKeys.Of(s.Name) == key);
    }
}

[GenerateSerializer, Alias("senders-state")]
internal sealed class SendersState
{
    [Id(0)] public List<SenderView> Senders { get; set; } = [];
}
