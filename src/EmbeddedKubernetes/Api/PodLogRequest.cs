using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace EmbeddedKubernetes.Api;

/// <summary>The query of a <c>pods/log</c> request, validated the way kube-apiserver validates PodLogOptions.</summary>
internal sealed record PodLogRequest(
    string Container, bool Follow, bool Previous, bool Timestamps, int? TailLines, DateTimeOffset? Since, long? LimitBytes)
{
    private static readonly string[] ContainerFields = ["containers", "initContainers", "ephemeralContainers"];

    public static (PodLogRequest? Request, string? Error) Parse(IQueryCollection query, JsonObject pod, string podName, DateTimeOffset now)
    {
        string? Value(string key) => query.TryGetValue(key, out var values) && values.Count > 0 ? values[0] : null;
        bool Flag(string key) => Value(key) is { } v && (v.Length == 0 || v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase));

        var names = ContainerFields
            .SelectMany(field => (pod["spec"]?[field] as JsonArray ?? []).OfType<JsonObject>())
            .Select(c => c["name"]?.GetValue<string>() ?? "").ToList();
        var regular = (pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>().Select(c => c["name"]?.GetValue<string>() ?? "").ToList();
        var container = Value("container");
        if (string.IsNullOrEmpty(container))
        {
            if (regular.Count != 1)
            {
                return (null, $"a container name must be specified for pod {podName}, choose one of: [{string.Join(' ', regular)}]");
            }

            container = regular[0];
        }
        else if (!names.Contains(container))
        {
            return (null, $"container {container} is not valid for pod {podName}");
        }

        if (!TryNumber(Value("tailLines"), 0, out var tail))
        {
            return (null, "tailLines: Invalid value: must be an integer greater than or equal to 0");
        }

        if (!TryNumber(Value("sinceSeconds"), 1, out var sinceSeconds))
        {
            return (null, "sinceSeconds: Invalid value: must be an integer greater than 0");
        }

        if (!TryNumber(Value("limitBytes"), 1, out var limit))
        {
            return (null, "limitBytes: Invalid value: must be an integer greater than 0");
        }

        DateTimeOffset? since = sinceSeconds is { } seconds ? now.AddSeconds(-seconds) : null;
        if (Value("sinceTime") is { Length: > 0 } sinceTime)
        {
            if (since is not null)
            {
                return (null, "at most one of sinceTime or sinceSeconds may be specified");
            }

            if (!DateTimeOffset.TryParse(sinceTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return (null, $"sinceTime: Invalid value: \"{sinceTime}\": must be an RFC 3339 time");
            }

            since = parsed;
        }

        return (new PodLogRequest(container, Flag("follow"), Flag("previous"), Flag("timestamps"), (int?)tail, since, limit), null);
    }

    private static bool TryNumber(string? text, long minimum, out long? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) || parsed < minimum || parsed > int.MaxValue)
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
