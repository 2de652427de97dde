using BroadcastGrains.Broadcasts;
using BroadcastGrains.Storage;

namespace BroadcastGrains.Catalogue.Senders;

/// <summary>
/// A client's senders. Registering one also records its owner (so the operator approves it by id) and lists the client
/// under the name in the <see cref="ISenderDirectoryGrain"/> (so replies to the name find the client, and so the one
/// grain of the name decides whether this client may hold it approved); both are written before this grain, so a crash
/// in between leaves at worst an unused record, never a sender without them.
/// </summary>
[GrainType("senders")]
internal sealed class SendersGrain(
    [PersistentState("senders", StorageNames.Grains)] IPersistentState<SendersState> senders,
    TimeProvider time)
    : Grain, ISendersGrain
{
    /// <summary>Keeps the state small; no real client needs more sender ids.</summary>
    const int MaxSenders = 1000;

    static readonly SenderOutcome Taken = new(null, ErrorCodes.SenderTaken);

    string ClientId => this.GetPrimaryKeyString();

    public async Task<SenderOutcome> RegisterAsync(string name, bool approved = false)
    {
        name = name.Trim();
        if (!SenderNames.IsWellFormed(name))
        {
            return new(null);
        }
        if (Find(name) is { } existing)
        {
            return approved && existing.Status != ApprovalStatus.Approved
                ? await ReviewAsync(existing.Id, ApprovalStatus.Approved)
                : new(existing);
        }
        if (senders.State.Senders.Count >= MaxSenders)
        {
            return new(null);
        }
        if (!await Directory(name).SetAsync(ClientId, owns: true, approved))
        {
            return Taken;
        }
        var isNumber = RecipientInput.TryParseE164Digits(name, out _);
        var sender = new SenderView(CatalogueIds.New(CatalogueIds.Sender), name, isNumber ? "phone_number" : "alphanumeric",
            approved ? ApprovalStatus.Approved : ApprovalStatus.Pending, time.GetUtcNow());
        senders.State.Senders.Add(sender);
        try
        {
            await GrainFactory.GetGrain<ICatalogueEntryGrain>(sender.Id).ClaimAsync(ClientId);
            await senders.WriteStateAsync();
        }
        catch
        {
            // A 5xx leaves nothing behind: the name's grain must not keep it reserved for a sender that was never stored.
            senders.State.Senders.Remove(sender);
            await Directory(name).SetAsync(ClientId, owns: false, approved: false);
            throw;
        }
        return new(sender);
    }

    public Task<IReadOnlyList<SenderView>> ListAsync() => Task.FromResult<IReadOnlyList<SenderView>>([.. senders.State.Senders]);

    public Task<SenderView?> FindAsync(string name) => Task.FromResult(Find(name));

    public async Task<bool> CanSendFromAsync(string name)
    {
        if (Find(name)?.Status == ApprovalStatus.Approved)
        {
            return true;
        }
        // A pending registration of its own does not keep a client from a name the operator shares with it; only a
        // real sender name reaches the name's grain, so a typo in "from" does not activate one.
        return SenderNames.IsWellFormed(name.Trim()) && await Directory(name).IsSharedWithAsync(ClientId);
    }

    public async Task<SenderOutcome> ReviewAsync(string senderId, ApprovalStatus status)
    {
        var list = senders.State.Senders;
        var at = list.FindIndex(s => s.Id == senderId);
        if (at < 0)
        {
            return new(null);
        }
        if (list[at].Status != status)
        {
            if (!await Directory(list[at].Name).SetAsync(ClientId, owns: status != ApprovalStatus.Rejected, status == ApprovalStatus.Approved))
            {
                return Taken;
            }
            var before = list[at];
            list[at] = before with { Status = status };
            try
            {
                await senders.WriteStateAsync();
            }
            catch
            {
                // Put the name's grain back as it was, so a failed review neither holds the name nor frees it.
                list[at] = before;
                await Directory(before.Name).SetAsync(ClientId, owns: before.Status != ApprovalStatus.Rejected,
                    before.Status == ApprovalStatus.Approved);
                throw;
            }
        }
        return new(list[at]);
    }

    ISenderDirectoryGrain Directory(string name) => GrainFactory.GetGrain<ISenderDirectoryGrain>(SenderNameKeys.Of(name));

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
