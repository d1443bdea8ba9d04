using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Tables;

/// <summary>kube-apiserver's columns for rbac.authorization.k8s.io roles and bindings.</summary>
internal static class RbacColumns
{
    public static IReadOnlyList<TableColumn> Roles() =>
    [
        new("Created At", "date", 0, o => o["metadata"]?["creationTimestamp"]?.DeepClone()),
    ];

    public static IReadOnlyList<TableColumn> Bindings(TableBuilder b) =>
    [
        new("Role", "string", 0, o => $"{o["roleRef"]?["kind"]}/{o["roleRef"]?["name"]}"),
        b.Age(),
        new("Users", "string", 1, o => Subjects(o, "User", s => s["name"]?.GetValue<string>())),
        new("Groups", "string", 1, o => Subjects(o, "Group", s => s["name"]?.GetValue<string>())),
        new("ServiceAccounts", "string", 1, o => Subjects(o, "ServiceAccount", s => $"{s["namespace"]}/{s["name"]}")),
    ];

    private static string Subjects(JsonObject binding, string kind, Func<JsonObject, string?> format) =>
        string.Join(", ", (binding["subjects"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(s => s["kind"]?.GetValue<string>() == kind).Select(format));
}
