using BroadcastGrains.Broadcasts;

namespace BroadcastGrains.Catalogue.ContactLists;

/// <summary>What an upload may add to a list: it stays within the list's contacts and variable names, or it adds nothing.</summary>
internal static class ContactListRules
{
    /// <summary>
    /// TOO_MANY_RECIPIENTS when <paramref name="validRows"/> more could take the list past
    /// <see cref="IContactListGrain.MaxContacts"/> (every valid row counted as new: the check comes before anything is
    /// merged), TOO_MANY_VARIABLES when the list's variable names and the upload's together are over
    /// <see cref="RequestLimits.MaxVariableNames"/>; else null.
    /// </summary>
    public static BroadcastError? RefuseUpload(long contactCount, long validRows, IReadOnlyCollection<string> listNames,
        IEnumerable<string> uploadNames)
    {
        if (contactCount + validRows > IContactListGrain.MaxContacts)
        {
            return BroadcastError.Field(ErrorCodes.TooManyRecipients, "contacts",
                $"a list holds at most {IContactListGrain.MaxContacts} contacts; it has {contactCount} and the upload {validRows} more; nothing was added");
        }
        var names = new HashSet<string>(listNames, StringComparer.Ordinal);
        names.UnionWith(uploadNames);
        return names.Count > RequestLimits.MaxVariableNames
            ? BroadcastError.Field(ErrorCodes.TooManyVariables, "variables",
                $"a list takes at most {RequestLimits.MaxVariableNames} distinct variable names across its uploads; this one would make {names.Count}; nothing was added")
            : null;
    }

    /// <summary>The list's variable names after an upload: the ones it had, then the upload's new ones.</summary>
    public static List<string> NamesAfter(IReadOnlyList<string> listNames, IEnumerable<string> uploadNames) =>
        [.. listNames.Concat(uploadNames).Distinct(StringComparer.Ordinal)];
}
