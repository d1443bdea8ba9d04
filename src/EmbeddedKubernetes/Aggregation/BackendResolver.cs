using System.Globalization;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Storage;

namespace EmbeddedKubernetes.Aggregation;

/// <summary>
/// Resolves an APIService to a backend the way kube-apiserver's service resolver does for endpoints routing:
/// Service → EndpointSlices labelled kubernetes.io/service-name (a selector-less Service pointing at a host
/// process works) → a ready address and the port matching the Service port; ExternalName services use their host.
/// </summary>
internal static class BackendResolver
{
    public const string ApiServices = "apiservices.apiregistration.k8s.io";

    public static (ApiServiceBackend? Backend, string? Error) Resolve(ObjectStore store, JsonObject apiService)
    {
        var name = apiService["metadata"]?["name"]?.GetValue<string>() ?? "";
        var spec = apiService["spec"] as JsonObject;
        if (spec?["service"] is not JsonObject serviceRef)
        {
            return (null, null);
        }

        var ns = serviceRef["namespace"]?.GetValue<string>() ?? "";
        var serviceName = serviceRef["name"]?.GetValue<string>() ?? "";
        var servicePort = serviceRef["port"] is JsonValue p && p.TryGetValue<int>(out var port) ? port : 443;
        var caBundle = spec["caBundle"]?.GetValue<string>() is { Length: > 0 } ca ? Convert.FromBase64String(ca) : null;
        var insecure = spec["insecureSkipTLSVerify"]?.GetValue<bool>() == true;
        var serverName = $"{serviceName}.{ns}.svc";
        var service = store.Get("services", ns, serviceName)?.ToNode();
        if (service is null)
        {
            return (null, $"service/{serviceName} in \"{ns}\" is not present");
        }

        if (service["spec"]?["type"]?.GetValue<string>() == "ExternalName")
        {
            var host = service["spec"]?["externalName"]?.GetValue<string>() ?? "";
            return (new ApiServiceBackend(name, new Uri($"https://{host}:{servicePort}"), serverName, caBundle, insecure), null);
        }

        var portSpec = (service["spec"]?["ports"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(sp => sp["port"]?.GetValue<int>() == servicePort);
        if (portSpec is null)
        {
            return (null, $"service/{serviceName} in \"{ns}\" has no port {servicePort}");
        }

        var portName = portSpec["name"]?.GetValue<string>() ?? "";
        foreach (var slice in store.List("endpointslices.discovery.k8s.io", ns).Items
                     .Where(s => s.Labels.TryGetValue("kubernetes.io/service-name", out var owner) && owner == serviceName)
                     .Select(s => s.ToNode()))
        {
            var slicePort = (slice["ports"] as JsonArray ?? []).OfType<JsonObject>()
                .FirstOrDefault(sp => (sp["name"]?.GetValue<string>() ?? "") == portName);
            var number = slicePort?["port"] is JsonValue value && value.TryGetValue<int>(out var n) ? n : (int?)null;
            var address = (slice["endpoints"] as JsonArray ?? []).OfType<JsonObject>()
                .Where(e => e["conditions"]?["ready"]?.GetValue<bool>() != false)
                .SelectMany(e => e["addresses"] as JsonArray ?? []).Select(a => a?.GetValue<string>()).FirstOrDefault();
            if (number is not null && address is not null)
            {
                var host = address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address;
                return (new ApiServiceBackend(name, new Uri($"https://{host}:{number.Value.ToString(CultureInfo.InvariantCulture)}"), serverName, caBundle, insecure), null);
            }
        }

        return (null, $"endpoints for service/{serviceName} in \"{ns}\" have no addresses with port name \"{portName}\"");
    }
}
