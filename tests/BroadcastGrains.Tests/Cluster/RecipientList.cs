using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>Recipients as a client types them, each with an optional <c>first_name</c>; becomes a <see cref="RecipientInput"/>.</summary>
internal sealed class RecipientList
{
    public const string FirstName = "first_name";

    readonly List<string> _recipients = [];
    readonly List<(int Index, string Name)> _names = [];

    public int Count => _recipients.Count;

    public RecipientList Add(string recipient, string? firstName = null)
    {
        if (firstName is not null)
        {
            _names.Add((_recipients.Count, firstName));
        }
        _recipients.Add(recipient);
        return this;
    }

    public RecipientInput ToInput()
    {
        var input = RecipientInput.FromStrings(_recipients);
        if (_names.Count == 0)
        {
            return input;
        }
        return input with
        {
            Variables = VariableTable.FromRows([FirstName], [.. _names.Select(n => n.Index)],
                [.. _names.Select(n => new string?[] { n.Name })]),
        };
    }
}
