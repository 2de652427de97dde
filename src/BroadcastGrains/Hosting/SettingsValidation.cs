using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace BroadcastGrains.Hosting;

/// <summary>
/// Checks an options class's DataAnnotations attributes (and its <see cref="IValidatableObject"/> rules) and names each
/// failing setting by its configuration key, <c>Broadcast:Cluster:SiloPort</c>, with the environment variable an
/// operator sets, <c>Broadcast__Cluster__SiloPort</c>: the stock DataAnnotations check names only the class and member.
/// </summary>
public sealed class SettingsValidation<TOptions>(string section) : IValidateOptions<TOptions> where TOptions : class
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }
        return ValidateOptionsResult.Fail(results.Select(Describe));
    }

    string Describe(ValidationResult result)
    {
        var members = result.MemberNames.ToList();
        var keys = members.Count == 0 ? [section] : members.Select(m => $"{section}:{m}").ToList();
        var named = string.Join(", ", keys.Select(k => $"{k} ({k.Replace(":", "__", StringComparison.Ordinal)})"));
        return $"{named}: {result.ErrorMessage}";
    }
}
