using Ical.Net;
using Ical.Net.DataTypes;

namespace BroadcastGrains.Scheduling;

/// <summary>
/// Reads an RRULE value (RFC 5545 §3.3.10). Ical.Net parses the values, but it is lenient where a broadcast must not
/// be: it reads "" as FREQ=YEARLY, takes a repeated part's last value, drops an UNTIL it cannot read, and does not
/// enforce the RFC's rules on which parts go with which FREQ. Those checks are made here, before it sees the text.
/// </summary>
internal static class RecurrenceRuleText
{
    const string PropertyName = "RRULE:";

    static readonly HashSet<string> PartNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY",
        "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST",
    };

    /// <summary>The rule, or null with <paramref name="problem"/> saying briefly what is wrong.</summary>
    public static RecurrenceRule? Parse(string? text, out string? problem)
    {
        var value = text?.Trim() ?? "";
        if (value.StartsWith(PropertyName, StringComparison.OrdinalIgnoreCase))
        {
            value = value[PropertyName.Length..];
        }
        problem = CheckParts(value, out var parts) ?? CheckEachValue(parts);
        if (problem is not null)
        {
            return null;
        }
        try
        {
            var rule = new RecurrenceRule(value);
            problem = CheckCombination(rule, parts);
            return problem is null ? rule : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            problem = WithoutParameterName(e.Message);
            return null;
        }
    }

    static string? CheckParts(string value, out Dictionary<string, string> parts)
    {
        parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (value.Length == 0)
        {
            return "the rule is empty";
        }
        foreach (var part in value.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == part.Length - 1)
            {
                return $"'{part}' is not NAME=VALUE";
            }
            var name = part[..equals];
            if (!PartNames.Contains(name))
            {
                return $"'{name}' is not an RRULE part";
            }
            if (!parts.TryAdd(name, part[(equals + 1)..]))
            {
                return $"{name.ToUpperInvariant()} is given more than once";
            }
        }
        if (!parts.TryGetValue("FREQ", out var frequency))
        {
            return "FREQ is required";
        }
        if (!frequency.All(char.IsAsciiLetter) || !Enum.TryParse<FrequencyType>(frequency, ignoreCase: true, out _))
        {
            return $"FREQ={frequency} is not SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY";
        }
        if (parts.ContainsKey("COUNT") && parts.ContainsKey("UNTIL"))
        {
            return "COUNT and UNTIL cannot both be given";
        }
        // Ical.Net reads these with int.Parse, which takes "+3"; the RFC grammar allows digits only.
        foreach (var name in (string[])["COUNT", "INTERVAL"])
        {
            if (parts.TryGetValue(name, out var number) && !number.All(char.IsAsciiDigit))
            {
                return $"{name} must be a whole number";
            }
        }
        return null;
    }

    /// <summary>Each part alone beside FREQ, so a bad value is named in the message rather than lost in the whole.</summary>
    static string? CheckEachValue(Dictionary<string, string> parts)
    {
        var frequency = parts["FREQ"];
        foreach (var (name, value) in parts)
        {
            try
            {
                var alone = new RecurrenceRule($"FREQ={frequency};{name}={value}");
                if (name.Equals("UNTIL", StringComparison.OrdinalIgnoreCase) && alone.Until is null)
                {
                    return $"UNTIL={value} is not a date (20271231) or date-time (20271231T235959Z)";
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                return $"{name.ToUpperInvariant()}={value}: {WithoutParameterName(e.Message)}";
            }
        }
        return null;
    }

    /// <summary>RFC 5545 §3.3.10's rules on which parts a FREQ admits.</summary>
    static string? CheckCombination(RecurrenceRule rule, Dictionary<string, string> parts)
    {
        var frequency = rule.Frequency;
        if (rule.ByWeekNo.Count > 0 && frequency != FrequencyType.Yearly)
        {
            return "BYWEEKNO is only allowed with FREQ=YEARLY";
        }
        if (rule.ByYearDay.Count > 0 && frequency is FrequencyType.Daily or FrequencyType.Weekly or FrequencyType.Monthly)
        {
            return "BYYEARDAY is not allowed with FREQ=DAILY, WEEKLY or MONTHLY";
        }
        if (rule.ByMonthDay.Count > 0 && frequency == FrequencyType.Weekly)
        {
            return "BYMONTHDAY is not allowed with FREQ=WEEKLY";
        }
        if (rule.ByDay.Any(day => day.Offset is not null))
        {
            if (frequency is not (FrequencyType.Monthly or FrequencyType.Yearly) || rule.ByWeekNo.Count > 0)
            {
                return "a numbered BYDAY (such as -1FR) needs FREQ=MONTHLY, or FREQ=YEARLY without BYWEEKNO";
            }
            if (rule.ByDay.Any(day => day.Offset is < -53 or > 53))
            {
                return "a BYDAY number must be from 1 to 53, or -1 to -53";
            }
        }
        var byParts = parts.Keys.Count(name => name.StartsWith("BY", StringComparison.OrdinalIgnoreCase));
        if (parts.ContainsKey("BYSETPOS") && byParts < 2)
        {
            return "BYSETPOS needs another BYxxx part to choose from";
        }
        return null;
    }

    static string WithoutParameterName(string message)
    {
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }
}
