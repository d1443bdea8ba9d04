using System.Globalization;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Resources;

namespace EmbeddedKubernetes.Tables;

/// <summary>
/// meta.k8s.io/v1 Table output (what kubectl get asks for): built-in columns as kube-apiserver prints them, CRD
/// additionalPrinterColumns through JSONPath, NAME/AGE otherwise. Rows carry PartialObjectMetadata unless
/// includeObject=Object (full object) or None.
/// </summary>
internal sealed class TableBuilder
{
    private readonly TimeProvider _time;

    public TableBuilder(TimeProvider time) => _time = time;

    public JsonObject Build(ResourceType type, IEnumerable<JsonObject> objects, string includeObject, JsonObject listMetadata)
    {
        var columns = Columns(type);
        var definitions = new JsonArray();
        foreach (var column in columns)
        {
            definitions.Add(new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["format"] = column.Format,
                ["description"] = column.Description,
                ["priority"] = column.Priority,
            });
        }

        var rows = new JsonArray();
        foreach (var item in objects)
        {
            var cells = new JsonArray();
            foreach (var column in columns)
            {
                cells.Add(column.Cell(item));
            }

            var row = new JsonObject { ["cells"] = cells };
            if (includeObject == "Object")
            {
                row["object"] = item.DeepClone();
            }
            else if (includeObject != "None")
            {
                row["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = item["metadata"]?.DeepClone(),
                };
            }

            rows.Add(row);
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = listMetadata,
            ["columnDefinitions"] = definitions,
            ["rows"] = rows,
        };
    }

    private IReadOnlyList<TableColumn> Columns(ResourceType type)
    {
        var name = new TableColumn("Name", "string", 0, o => o["metadata"]?["name"]?.DeepClone(), "name",
            "Name must be unique within a namespace.");
        if (!type.IsBuiltIn)
        {
            if (type.PrinterColumns.Count == 0)
            {
                return [name, Age()];
            }

            return [name, .. type.PrinterColumns.Select(CustomColumn)];
        }

        // Events print their name last and only with -o wide (printEvent's eventColumnDefinitions).
        return type.GroupResource == "events"
            ? [.. BuiltInColumns.For(type.GroupResource, this), name with { Priority = 1 }]
            : [name, .. BuiltInColumns.For(type.GroupResource, this)];
    }

    public TableColumn Age() => new("Age", "string", 0, o => Since(o["metadata"]?["creationTimestamp"]),
        Description: "CreationTimestamp is a timestamp representing the server time when this object was created.");

    public JsonNode? Since(JsonNode? timestamp)
    {
        var text = timestamp is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return "<unknown>";
        }

        return HumanDuration.Format(_time.GetUtcNow() - at);
    }

    private TableColumn CustomColumn(PrinterColumn column) => new(column.Name, column.Type, column.Priority, o =>
    {
        var results = JsonPathEvaluator.Evaluate(o, column.JsonPath);
        if (results.Count == 0)
        {
            return null;
        }

        if (column.Type == "date")
        {
            return Since(results[0]);
        }

        if (results.Count == 1)
        {
            return column.Type == "string" ? Text(results[0]) : results[0].DeepClone();
        }

        return string.Join(",", results.Select(Text));
    }, column.Format ?? "", column.Description);

    internal static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
