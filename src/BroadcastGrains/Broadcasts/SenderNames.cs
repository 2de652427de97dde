namespace BroadcastGrains.Broadcasts;

/// <summary>Sender ids: alphanumeric up to 11 characters (GSM's limit for a text originator) or an E.164 number.</summary>
internal static class SenderNames
{
    public static bool IsWellFormed(string name)
    {
        if (RecipientInput.TryParseE164Digits(name, out _))
        {
            return true;
        }
        return name.Length is >= 1 and <= 11
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or '&')
            && name.Any(char.IsAsciiLetter);
    }
}
