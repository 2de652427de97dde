using System.ComponentModel.DataAnnotations;
using BroadcastGrains.Carrier.Http;
using BroadcastGrains.Carrier.Simulator;
using BroadcastGrains.Carrier.Smpp;
using BroadcastGrains.Hosting;
using Microsoft.Extensions.Configuration;

namespace BroadcastGrains.Carrier.Connectors;

/// <summary>
/// Reads the connectors of configuration: every <c>Broadcast:Connectors:{name}</c>, or, when there is none, the one
/// <c>Broadcast:Carrier</c> names (<c>smpp</c> or <c>simulator</c>, with the <c>Broadcast:Smpp</c> or
/// <c>Broadcast:Simulator</c> settings), exactly as before connectors existed. A problem stops the silo at start-up
/// with every problem named, rather than failing on the first message.
/// </summary>
public static class ConnectorConfiguration
{
    /// <summary>The connectors in configuration order; throws <see cref="InvalidOperationException"/> naming each problem.</summary>
    public static IReadOnlyList<ConnectorSettings> Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sections = configuration.GetSection(ConnectorOptions.SectionName).GetChildren().ToList();
        if (sections.Count == 0)
        {
            return [FromCarrierSetting(configuration)];
        }
        var errors = new List<string>();
        var connectors = new List<(int Order, ConnectorSettings Settings)>();
        foreach (var section in sections)
        {
            if (Read(section, errors) is { } connector)
            {
                connectors.Add(connector);
            }
        }
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{ConnectorOptions.SectionName} is invalid: {string.Join("; ", errors)}");
        }
        return [.. connectors.OrderBy(c => c.Order).Select(c => c.Settings)];
    }

    static ConnectorSettings FromCarrierSetting(IConfiguration configuration)
    {
        var broadcast = configuration.GetSection(BroadcastOptions.Section).Get<BroadcastOptions>() ?? new BroadcastOptions();
        if (broadcast.Carrier == CarrierKind.Smpp)
        {
            var smpp = configuration.GetSection(SmppOptions.SectionName).Get<SmppOptions>() ?? new SmppOptions();
            return new ConnectorSettings(SmppCarrier.DefaultName, ConnectorKind.Smpp, smpp.MaxSubmitsPerSecond, 0, false, smpp, null)
                { FromCarrierSetting = true };
        }
        var simulator = configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new SimulatorOptions();
        return new ConnectorSettings(SimulatorCarrier.DefaultName, ConnectorKind.Simulator, 0, 0, true, null, simulator)
            { FromCarrierSetting = true };
    }

    static (int, ConnectorSettings)? Read(IConfigurationSection section, List<string> errors)
    {
        var name = section.Key;
        var where = $"{ConnectorOptions.SectionName}:{name}";
        if (!Routing.RouteRules.IsCode(name))
        {
            errors.Add($"'{name}' is not a connector name (1–64 letters, digits, '_' or '-'; it appears in /v1/carrier/{{name}})");
            return null;
        }
        ConnectorOptions common;
        try
        {
            common = section.Get<ConnectorOptions>() ?? new ConnectorOptions();
        }
        catch (InvalidOperationException e)
        {
            errors.Add($"{where}: {e.Message}");
            return null;
        }
        var before = errors.Count;
        if (common.MaxSubmitsPerSecond is < 0 or > 1_000_000)
        {
            errors.Add($"{where}:MaxSubmitsPerSecond must be 0 (none) to 1000000 parts per second");
        }
        if (common.DailyLimit < 0)
        {
            errors.Add($"{where}:DailyLimit must be 0 (none) or a number of parts per UTC day");
        }
        if (!Enum.TryParse<ConnectorKind>(common.Kind, ignoreCase: true, out var kind) || int.TryParse(common.Kind, out _))
        {
            errors.Add($"{where}:Kind must be Simulator, Smpp or Http (was '{common.Kind}')");
            return null;
        }
        ConnectorSettings? settings = kind switch
        {
            ConnectorKind.Smpp => Smpp(section, where, common, name, errors),
            ConnectorKind.Simulator => Simulator(section, where, common, name, errors),
            ConnectorKind.Http => Http(section, common, name, Bind<TwilioOptions>(section, where, errors)),
            _ => Refuse($"{where}:Kind {kind} is not supported by this version", errors),
        };
        return settings is null || errors.Count > before ? null : (common.Order, settings);
    }

    static ConnectorSettings? Smpp(IConfigurationSection section, string where, ConnectorOptions common, string name, List<string> errors)
    {
        var smpp = Bind<SmppOptions>(section, where, errors);
        if (smpp is null)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(smpp.Host))
        {
            errors.Add($"{where}:Host is required: name the SMSC to bind to");
        }
        if (common.SupportsMms == true)
        {
            errors.Add($"{where}:SupportsMms cannot be true: SMPP carries text only");
        }
        return new ConnectorSettings(name, ConnectorKind.Smpp, common.MaxSubmitsPerSecond, common.DailyLimit, false, smpp, null);
    }

    static ConnectorSettings? Simulator(IConfigurationSection section, string where, ConnectorOptions common, string name,
        List<string> errors)
    {
        var simulator = Bind<SimulatorOptions>(section, where, errors);
        return simulator is null ? null : new ConnectorSettings(name, ConnectorKind.Simulator, common.MaxSubmitsPerSecond,
            common.DailyLimit, common.SupportsMms ?? true, null, simulator);
    }

    static ConnectorSettings? Http(IConfigurationSection section, ConnectorOptions common, string name, TwilioOptions? http) =>
        http is null ? null : new ConnectorSettings(name, ConnectorKind.Http, common.MaxSubmitsPerSecond, common.DailyLimit,
            common.SupportsMms ?? true, null, null) { Http = http };

    static T? Bind<T>(IConfigurationSection section, string where, List<string> errors) where T : class, new()
    {
        T options;
        try
        {
            options = section.Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            errors.Add($"{where}: {e.Message}");
            return null;
        }
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            errors.AddRange(results.Select(r => $"{where}: {r.ErrorMessage}"));
            return null;
        }
        return options;
    }

    static ConnectorSettings? Refuse(string error, List<string> errors)
    {
        errors.Add(error);
        return null;
    }
}
