namespace AppHost.ScaledObjects;

/// <summary>
/// A ScaledObject of the sample shown as a dashboard resource: its state reads like
/// "3/10 replicas · queue 42 / target 5 · active", with an <c>explain</c> command.
/// </summary>
public sealed class ScaledObjectResource(string name, string ns, string target) : Resource(name)
{
    /// <summary>The ScaledObject's namespace (its name is the resource's name).</summary>
    public string Namespace { get; } = ns;

    /// <summary>The Deployment it scales (<c>spec.scaleTargetRef.name</c>).</summary>
    public string Target { get; } = target;

    /// <summary>KEDA names the HPA it creates <c>keda-hpa-&lt;name&gt;</c>.</summary>
    public string HpaName => "keda-hpa-" + Name;
}
