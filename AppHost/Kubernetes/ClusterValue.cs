namespace AppHost.Kubernetes;

/// <summary>One key of a Secret or ConfigMap the manifests declare, set to a value known only at run time (a broker's address).</summary>
internal sealed record ClusterValue(string Kind, string Namespace, string Name, string Key, ReferenceExpression Value)
{
    public override string ToString() => $"{Kind} {Namespace}/{Name} key {Key}";
}
