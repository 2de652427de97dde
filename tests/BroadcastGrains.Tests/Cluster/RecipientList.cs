using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Tests.Cluster;

/// <summary>Recipients as a client types them, each with an optional <c>first_name</c>; becomes a <see cref="RecipientInput"/>.</summary>
internal sealed class RecipientList
{
    public const string FirstName = "first_name";

    readonly List<string> recipients = [];
    readonly List<(int Index, string Name)> names = [];

    public int Count => recipients.Count;

    public RecipientList Add(string recipient, string? firstName = null)
    {
        if (firstName is not null)
        {
            names.Add((recipients.Count, firstName));
        }
        recipients.Add(recipient);
        return this;
    }

    public RecipientInput ToInput()
    {
        var input = RecipientInput.FromStrings(recipients);
        if (names.Count == 0)
        {
            return input;
        }
        return input with
        {
            Variables = VariableTable.FromRows([FirstName], [.. names.Select(n => n.Index)],
                [.. names.Select(n => new string?[] { n.Name })]),
        };
    }
}
