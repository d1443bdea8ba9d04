namespace Operator.Resolution;

/// <summary>Messages for objects that are referenced but missing, worded like the Kubernetes/KEDA errors.</summary>
internal static class ResolutionMessages
{
    public static string NotFound(string resource, string name) => $"{resource} \"{name}\" not found";

    public static string InNamespace(string ns) => $" in namespace \"{ns}\" (add it to the input)";
}
