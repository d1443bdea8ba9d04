using System.Text.Json.Nodes;

namespace EmbeddedKubernetes.Tables;

/// <summary>A server-side printer column: definition plus how to compute the cell from an object.</summary>
internal sealed record TableColumn(string Name, string Type, int Priority, Func<JsonObject, JsonNode?> Cell, string Format = "", string Description = "");
