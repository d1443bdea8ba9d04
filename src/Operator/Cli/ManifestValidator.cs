using k8s.Models;
using Operator.Api;
using Operator.Manifests;
using Operator.Resolution;
using Operator.Scalers;
using Operator.Scaling;
using Operator.Scaling.Hpa;
using Operator.Validation;

namespace Operator.Cli;

/// <summary>
/// Runs, for every ScaledObject and ScaledJob of the input, the checks KEDA makes before it scales: the admission
/// and reconcile validation rules, reference resolution (scale target, env, authentication), each trigger's scaler
/// built from its metadata (no network), and the HPA KEDA would generate.
/// </summary>
internal sealed class ManifestValidator
{
    private readonly ManifestSet _objects;
    private readonly ScalerConfigBuilder _configBuilder;
    // Only the HPA's app.kubernetes.io/version label carries it, and validate does not print labels.
    private const string HpaKedaVersion = "offline";

    private readonly Func<ScalerConfig, ScalerBuildResult?> _buildScaler;

    /// <param name="objects">What references resolve against: the input itself, or the cluster with the input applied over it.</param>
    public ManifestValidator(ManifestSet objects, ValidateOptions options, Func<ScalerConfig, ScalerBuildResult?>? buildScaler = null)
    {
        _objects = objects;
        _configBuilder = new ScalerConfigBuilder(objects, options.ClusterObjectNamespace);
        _buildScaler = buildScaler ?? OfflineScalerFactory.Build;
    }

    public SecretRedactor Redactor { get; } = new();

    /// <summary>Validates every ScaledObject, then every ScaledJob, of <paramref name="input"/>.</summary>
    public async Task<IReadOnlyList<ScalableObjectReport>> ValidateAllAsync(ManifestSet input)
    {
        var reports = new List<ScalableObjectReport>();
        foreach (var scaledObject in input.ScaledObjects)
        {
            reports.Add(await ValidateAsync(scaledObject).ConfigureAwait(false));
        }

        foreach (var scaledJob in input.ScaledJobs)
        {
            reports.Add(await ValidateAsync(scaledJob).ConfigureAwait(false));
        }

        return reports;
    }

    public async Task<ScalableObjectReport> ValidateAsync(Located<ScaledObject> located)
    {
        var so = located.Object;
        var findings = new Findings();
        var rules = ScaledObjectValidator.ValidateCreate(so, _objects);
        findings.Errors.AddRange(rules.Errors);
        findings.Warnings.AddRange(rules.Warnings);
        var target = ScaleTargetResolver.Resolve(_objects, so);
        findings.Add(target.Error, target.Warning);
        var gvkr = ScaleTargetGvkr(so, findings);
        var triggers = await BuildTriggersAsync(
            so.Spec.Triggers ?? [], target, so.Metadata.Name, so.Metadata.NamespaceProperty, ManifestKinds.ScaledObject, findings).ConfigureAwait(false);
        var hpa = HpaFor(so, gvkr, triggers, findings);
        return Report(ManifestKinds.ScaledObject, so.Metadata, located.Location, findings, hpa, triggers) with { ScaleTargetGvkr = gvkr };
    }

    public async Task<ScalableObjectReport> ValidateAsync(Located<ScaledJob> located)
    {
        var job = located.Object;
        var findings = new Findings();
        var rules = ScaledJobValidator.ValidateCreate(job);
        findings.Errors.AddRange(rules.Errors);
        findings.Warnings.AddRange(rules.Warnings);
        var target = ScaleTargetResolver.Resolve(job);
        findings.Add(target.Error, target.Warning);
        var triggers = await BuildTriggersAsync(
            job.Spec.Triggers ?? [], target, job.Metadata.Name, job.Metadata.NamespaceProperty, ManifestKinds.ScaledJob, findings).ConfigureAwait(false);
        return Report(ManifestKinds.ScaledJob, job.Metadata, located.Location, findings, null, triggers);
    }

    private async Task<List<BuiltTrigger>> BuildTriggersAsync(
        List<ScaleTrigger> triggers, ScaleTargetResolution target, string name, string ns, string kind, Findings findings)
    {
        var configs = _configBuilder.Build(triggers, target, name, ns, kind);
        Redactor.Add(configs.SensitiveValues);
        findings.Add(configs.EnvError, null);
        findings.Warnings.AddRange(configs.EnvWarnings.Select(w => "scale target env: " + w));
        var reports = new List<BuiltTrigger>();
        // The target's pod spec unknown without an error: not in the input (or a kind not read), so its env is not checked.
        var envUnchecked = (target.PodSpec is null && target.Error is null) || configs.EnvWarnings.Count > 0;
        foreach (var trigger in configs.Triggers)
        {
            findings.Errors.AddRange(trigger.Errors);
            findings.Warnings.AddRange(trigger.Warnings);
            var notChecked = envUnchecked || trigger.HasUncheckedReferences;
            reports.Add(await BuildTriggerAsync(trigger.Index, trigger.Trigger, trigger.Config, trigger.Prefix, notChecked, findings).ConfigureAwait(false));
        }

        return reports;
    }

    private async Task<BuiltTrigger> BuildTriggerAsync(
        int index, ScaleTrigger trigger, ScalerConfig config, string prefix, bool readsUncheckedReferences, Findings findings)
    {
        var built = _buildScaler(config);
        if (built is null)
        {
            findings.Warnings.Add($"{prefix}metadata not checked: this build has no {trigger.Type} scaler");
            return new(TriggerReports.Unbuilt(index, trigger), null);
        }

        if (readsUncheckedReferences)
        {
            // The parameters an unchecked reference would supply are missing, not wrong: KEDA would not fail on them.
            findings.Warnings.AddRange(built.Errors.Select(e => $"{prefix}{e} (not an error here: the trigger reads a reference that was not checked)"));
        }
        else
        {
            findings.Errors.AddRange(built.Errors.Select(e => prefix + e));
        }

        findings.Warnings.AddRange(built.Infos.Select(i => prefix + i));
        if (built.Scaler is not { } scaler)
        {
            return new(TriggerReports.Unbuilt(index, trigger), null);
        }

        try
        {
            var specs = scaler.GetMetricSpecs();
            return new(TriggerReports.FromMetricSpec(index, trigger, specs.Count > 0 ? specs[0] : null), specs);
        }
        finally
        {
            await scaler.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The scale target's <c>status.scaleTargetGVKR</c>, its resource from the RESTMapper at hand; null when the kind
    /// cannot be mapped (the rules report KEDA's no-match error). A guessed plural (offline, a kind no CRD of the
    /// input defines) is a warning that says it was not checked.
    /// </summary>
    private GroupVersionKindResource? ScaleTargetGvkr(ScaledObject so, Findings findings)
    {
        var target = so.Spec.ScaleTargetRef ?? new ScaleTarget();
        if (!GroupVersionKindResourceParser.TryParse(target.ApiVersion, target.Kind, _objects.ResolveResource, out var gvkr, out _))
        {
            return null;
        }

        if (_objects.IsGuessedResource(gvkr.Group, gvkr.Kind))
        {
            findings.Warnings.Add(ResolutionMessages.GuessedResource(gvkr.GvkString(), gvkr.Resource));
        }

        return gvkr;
    }

    /// <summary>
    /// The HPA KEDA would generate. When a trigger could not be built (its error is reported) or the target kind
    /// cannot be mapped, KEDA would not get that far: name and bounds then come from the spec alone.
    /// </summary>
    private static HpaReport HpaFor(ScaledObject so, GroupVersionKindResource? gvkr, List<BuiltTrigger> triggers, Findings findings)
    {
        var fromSpec = new HpaReport(so.GetHpaName(), so.GetHpaMinReplicas(), so.GetHpaMaxReplicas());
        if (triggers.Count == 0 || triggers.Any(t => t.Specs is null) || gvkr is null)
        {
            return fromSpec;
        }

        var generated = HpaBuilder.Build(so, triggers.Select(t => t.Specs).ToList(), gvkr, HpaKedaVersion);
        if (generated.Hpa is not { } hpa || generated.Error is not null)
        {
            findings.Errors.Add($"failed to ensure HPA is correctly created for ScaledObject: {generated.Error}");
            return fromSpec;
        }

        return new HpaReport(hpa.Metadata.Name, hpa.Spec.MinReplicas ?? fromSpec.MinReplicas, hpa.Spec.MaxReplicas)
        {
            Metrics = generated.Metrics.Select(MetricName).ToList(),
        };
    }

    private static string MetricName(V2MetricSpec spec) =>
        spec.External?.Metric?.Name ?? spec.Resource?.Name ?? spec.ContainerResource?.Name ?? spec.Type;

    private ScalableObjectReport Report(
        string kind, V1ObjectMeta meta, ManifestLocation location, Findings findings, HpaReport? hpa, List<BuiltTrigger> triggers) =>
        new()
        {
            Kind = kind,
            Namespace = meta.NamespaceProperty,
            Name = meta.Name,
            Source = location.ToString(),
            Errors = findings.Errors.Distinct().Select(Redactor.Redact).ToList(),
            Warnings = findings.Warnings.Distinct().Select(Redactor.Redact).ToList(),
            Hpa = hpa,
            Triggers = triggers.Select(t => t.Report).ToList(),
        };

    /// <summary>A trigger's report and its HPA metric specs (null when its scaler could not be built).</summary>
    private sealed record BuiltTrigger(TriggerReport Report, IReadOnlyList<V2MetricSpec>? Specs);

    private sealed class Findings
    {
        public List<string> Errors { get; } = [];

        public List<string> Warnings { get; } = [];

        public void Add(string? error, string? warning)
        {
            if (error is not null)
            {
                Errors.Add(error);
            }

            if (warning is not null)
            {
                Warnings.Add(warning);
            }
        }
    }
}
