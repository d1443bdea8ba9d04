using System.Net;
using System.Net.Sockets;
using k8s.Models;

namespace EmbeddedKubernetes.Controllers.Pods;

/// <summary>What to run for a pod's first container: program, arguments, environment and the local ports it got.</summary>
internal sealed record ProcessLaunch(
    string Executable, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment,
    string? WorkingDirectory, IReadOnlyDictionary<string, int> Ports, Uri? ReadinessUrl, TimeSpan ReadinessDelay)
{
    /// <summary>Maps the pod to a launch, or explains why it cannot run.</summary>
    public static ProcessLaunch? Resolve(V1Pod pod, ProcessPodOptions options, out string? error)
    {
        var container = pod.Spec.Containers.FirstOrDefault();
        if (container is null)
        {
            error = "the pod has no containers";
            return null;
        }

        var template = Lookup(options, container.Image);
        string executable;
        var arguments = new List<string>();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (template is not null)
        {
            executable = template.Executable;
            arguments.AddRange(template.Arguments);
            arguments.AddRange(container.Args ?? []);
            foreach (var (name, value) in template.Environment)
            {
                environment[name] = value;
            }
        }
        else if (container.Command is { Count: > 0 } command)
        {
            executable = command[0];
            arguments.AddRange(command.Skip(1));
            arguments.AddRange(container.Args ?? []);
        }
        else
        {
            error = $"no program is mapped for image \"{container.Image}\"; add it to ProcessPodOptions.Images or give the container a command";
            return null;
        }

        foreach (var variable in container.Env ?? [])
        {
            var value = variable.Value ?? FieldValue(pod, variable.ValueFrom?.FieldRef?.FieldPath);
            if (value is not null)
            {
                environment[variable.Name] = value;
            }
        }

        // Replicas share one host, so every declared container port gets its own free local port.
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var port in container.Ports ?? [])
        {
            var local = FreePort();
            ports[port.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)] = local;
            if (!string.IsNullOrEmpty(port.Name))
            {
                ports[port.Name] = local;
            }
        }

        var probe = container.ReadinessProbe?.HttpGet;
        Uri? readiness = null;
        if (probe is not null)
        {
            var portKey = probe.Port.Value ?? "";
            if (!ports.TryGetValue(portKey, out var local))
            {
                local = FreePort();
                ports[portKey] = local;
            }

            readiness = new Uri($"http://127.0.0.1:{local}{(string.IsNullOrEmpty(probe.Path) ? "/" : probe.Path)}");
        }

        if (ports.Count > 0)
        {
            var first = ports.Values.First();
            environment.TryAdd("PORT", first.ToString(System.Globalization.CultureInfo.InvariantCulture));
            environment.TryAdd("ASPNETCORE_URLS", $"http://127.0.0.1:{first}");
        }

        error = null;
        var delay = TimeSpan.FromSeconds(container.ReadinessProbe?.InitialDelaySeconds ?? 0);
        return new ProcessLaunch(executable, arguments, environment, template?.WorkingDirectory ?? container.WorkingDir, ports, readiness, delay);
    }

    private static ProcessTemplate? Lookup(ProcessPodOptions options, string? image)
    {
        if (string.IsNullOrEmpty(image))
        {
            return null;
        }

        if (options.Images.TryGetValue(image, out var exact))
        {
            return exact;
        }

        var colon = image.LastIndexOf(':');
        var untagged = colon > image.LastIndexOf('/') ? image[..colon] : image;
        return options.Images.TryGetValue(untagged, out var byName) ? byName : null;
    }

    private static string? FieldValue(V1Pod pod, string? path) => path switch
    {
        "metadata.name" => pod.Metadata.Name,
        "metadata.namespace" => pod.Metadata.NamespaceProperty,
        "metadata.uid" => pod.Metadata.Uid,
        "status.podIP" or "status.hostIP" => "127.0.0.1",
        "spec.nodeName" => pod.Spec.NodeName,
        _ => null,
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
