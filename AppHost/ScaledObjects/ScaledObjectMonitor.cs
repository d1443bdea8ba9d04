using System.Text.Json;
using System.Threading.Channels;
using k8s;
using k8s.Models;
using Kubernetes.Controller;
using Kubernetes.Controller.Informers;
using Microsoft.Extensions.Logging;

namespace AppHost.ScaledObjects;

/// <summary>
/// Keeps each <see cref="ScaledObjectResource"/>'s state current: the shared informers of the Deployments and HPAs of
/// its namespace say when something changed (a watch, not polling), then the operator's newest decision record is read
/// from its <c>/decisions</c> endpoint and the state text published.
/// </summary>
internal sealed class ScaledObjectMonitor(
    IReadOnlyList<ScaledObjectResource> scaledObjects,
    Func<Uri?> operatorUrl,
    ResourceNotificationService notifications,
    ILogger logger,
    TimeProvider time)
{
    private readonly Channel<ScaledObjectResource> _changed = Channel.CreateUnbounded<ScaledObjectResource>();

    public async Task RunAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await using var informers = new SharedInformers(client, logger, time, scaledObjects[0].Namespace);
        var deployments = informers.Deployments;
        var autoscalers = informers.Autoscalers;
        deployments.Changed += (_, deployment) => Enqueue(so => so.Target == deployment.Metadata.Name);
        autoscalers.Changed += (_, hpa) => Enqueue(so => so.HpaName == hpa.Metadata.Name);
        await informers.StartAsync(cancellationToken);
        Enqueue(_ => true);
        await foreach (var scaledObject in _changed.Reader.ReadAllAsync(cancellationToken))
        {
            var decision = await ReadDecisionAsync(http, scaledObject, cancellationToken);
            deployments.TryGet(ObjectKey.Of(scaledObject.Namespace, scaledObject.Target), out var deployment);
            autoscalers.TryGet(ObjectKey.Of(scaledObject.Namespace, scaledObject.HpaName), out var hpa);
            await PublishAsync(scaledObject, deployment, hpa, decision);
        }
    }

    private void Enqueue(Func<ScaledObjectResource, bool> affected)
    {
        foreach (var scaledObject in scaledObjects.Where(affected))
        {
            _changed.Writer.TryWrite(scaledObject);
        }
    }

    private async Task<LatestDecision?> ReadDecisionAsync(HttpClient http, ScaledObjectResource scaledObject, CancellationToken cancellationToken)
    {
        if (operatorUrl() is not { } baseUrl)
        {
            return null;
        }

        try
        {
            var url = new Uri(baseUrl, $"/decisions/{Uri.EscapeDataString(scaledObject.Namespace)}/{Uri.EscapeDataString(scaledObject.Name)}");
            using var document = JsonDocument.Parse(await http.GetStringAsync(url, cancellationToken));
            return LatestDecision.Parse(document.RootElement);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The operator is starting or restarting: the next change reads again.
            ScaledObjectLog.DecisionsUnavailable(logger, scaledObject.Name, ex.Message);
            return null;
        }
    }

    private Task PublishAsync(ScaledObjectResource scaledObject, V1Deployment? deployment, V2HorizontalPodAutoscaler? hpa, LatestDecision? decision)
    {
        var replicas = deployment?.Spec?.Replicas ?? 0;
        var max = hpa?.Spec?.MaxReplicas;
        var text = ScaledObjectStateText.Format(replicas, max, decision);
        var style = decision?.IsActive == true ? KnownResourceStateStyles.Success : KnownResourceStateStyles.Info;
        return notifications.PublishUpdateAsync(scaledObject, s => s with
        {
            State = new ResourceStateSnapshot(text, style),
            Properties =
            [
                .. s.Properties.Where(p => p.Name is not ("replicas" or "maxReplicas" or "lastDecision") && p.Name != CustomResourceKnownProperties.Source),
                // The dashboard humanizes state text (punctuation dropped); its Source column shows this line as written.
                new(CustomResourceKnownProperties.Source, text),
                new("replicas", replicas),
                new("maxReplicas", max),
                new("lastDecision", decision?.Summary ?? ""),
            ],
        });
    }
}
