using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using Operator.Hosting;
using Operator.Scalers.Config;

namespace Operator.Cli;

/// <summary>Options shared by the commands and the parsers behind them; every parse error names the option and what it accepts.</summary>
internal static class CliOptions
{
    public static Option<string?> Kubeconfig(string description) =>
        new("--kubeconfig") { Description = description, HelpName = "PATH" };

    public static Option<string?> Context() =>
        new("--context") { Description = "The kubeconfig context to use (default: its current-context).", HelpName = "NAME" };

    /// <summary>A TCP port, 1-65535.</summary>
    public static Option<int?> Port(string name, string description) =>
        new(name) { Description = description, HelpName = "N", CustomParser = r => ParsePort(r, name) };

    /// <summary>An option that accepts only the keys of <paramref name="accepted"/> (ordinal, as written in the help).</summary>
    public static Option<T> OneOf<T>(string name, string description, IReadOnlyDictionary<string, T> accepted, T defaultValue, params string[] aliases)
    {
        var option = new Option<T>(name, aliases)
        {
            Description = description,
            HelpName = string.Join('|', accepted.Keys),
            DefaultValueFactory = _ => defaultValue,
        };
        option.CustomParser = r =>
        {
            var value = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (accepted.TryGetValue(value, out var parsed))
            {
                return parsed;
            }

            r.AddError($"{name}: '{value}' is not accepted; accepted values: {string.Join(", ", accepted.Keys)}");
            return defaultValue;
        };
        return option;
    }

    public static Option<IPAddress?> Address(string name, string description) =>
        new(name)
        {
            Description = description,
            HelpName = "IP",
            CustomParser = r =>
            {
                var value = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (IPAddress.TryParse(value, out var address))
                {
                    return address;
                }

                r.AddError($"{name}: '{value}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0)");
                return null;
            },
        };

    /// <summary>Direct mode's HPA tolerance: a number in <see cref="DirectModeFlags.CheckTolerance"/>'s range.</summary>
    public static Option<double?> Tolerance(string description) =>
        new(DirectModeFlags.Tolerance)
        {
            Description = description,
            HelpName = "FRACTION",
            CustomParser = r =>
            {
                var value = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var tolerance))
                {
                    r.AddError($"{DirectModeFlags.Tolerance}: '{value}' is not a number; accepted: a fraction from 0 up to (not including) 1, e.g. 0.1");
                    return null;
                }

                if (DirectModeFlags.CheckTolerance(tolerance) is { } error)
                {
                    r.AddError(error);
                    return null;
                }

                return tolerance;
            },
        };

    /// <summary>A Go duration (<c>30s</c>, <c>5m</c>, <c>1m30s</c>) in <see cref="DirectModeFlags.CheckDuration"/>'s range.</summary>
    public static Option<TimeSpan?> Duration(string name, string description) =>
        new(name)
        {
            Description = description,
            HelpName = "DURATION",
            CustomParser = r =>
            {
                var value = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (!GoDuration.TryParse(value, out var duration))
                {
                    r.AddError($"{name}: '{value}' is not a duration; accepted: Go syntax with a unit, e.g. 30s, 5m, 1m30s");
                    return null;
                }

                if (DirectModeFlags.CheckDuration(name, duration) is { } error)
                {
                    r.AddError(error);
                    return null;
                }

                return duration;
            },
        };

    private static int? ParsePort(ArgumentResult result, string name)
    {
        var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
        {
            return port;
        }

        result.AddError($"{name}: '{value}' is not a port (1-65535)");
        return null;
    }
}
