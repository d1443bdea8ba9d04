using System.Text;
using System.Text.Json.Nodes;
using k8s.Models;
using Kubernetes.Controller.Yaml;
using Operator.Api;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Operator.Manifests;

/// <summary>
/// Reads multi-document YAML files (directories: their <c>*.yaml</c>/<c>*.yml</c> files, sorted) into a
/// <see cref="ManifestSet"/>. Kinds it does not know are skipped with a note; unreadable input stops at the first
/// problem, named with file, line and column.
/// </summary>
internal static class ManifestReader
{
    public static ManifestReadResult Read(IEnumerable<string> paths)
    {
        var set = new ManifestSet();
        foreach (var path in paths)
        {
            var files = ExpandPath(path, out var missing);
            if (missing is not null)
            {
                return ManifestReadResult.Failure(missing);
            }

            foreach (var file in files)
            {
                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return ManifestReadResult.Failure(new(new(file, 0, 0), $"cannot read the file: {e.Message}"));
                }

                var error = ReadText(set, file, text);
                if (error is not null)
                {
                    return ManifestReadResult.Failure(error);
                }
            }
        }

        return ManifestReadResult.Success(set);
    }

    /// <summary>Reads one file's text (named <paramref name="file"/> in messages) into <paramref name="set"/>.</summary>
    public static ManifestReadError? ReadText(ManifestSet set, string file, string text)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way when the input ends inside a flow collection ({...} or [...]).
            var end = parser.Current?.End ?? Mark.Empty;
            return new(new(file, (int)end.Line, (int)end.Column), "YAML syntax error: unexpected end of input (unclosed { or [?)");
        }
        catch (YamlException e)
        {
            return new(new(file, (int)e.Start.Line, (int)e.Start.Column), $"YAML syntax error: {Innermost(e).Message}");
        }
        catch (ArgumentException e)
        {
            // YamlDotNet reports a duplicated mapping key this way, without a position.
            return new(new(file, 0, 0), $"YAML error: {e.Message}");
        }

        foreach (var document in stream.Documents)
        {
            var error = ReadDocument(set, file, document.RootNode);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static ManifestReadError? ReadDocument(ManifestSet set, string file, YamlNode root)
    {
        var marks = new Dictionary<string, Mark>(StringComparer.Ordinal);
        JsonNode? json;
        try
        {
            json = YamlToJson.Convert(root, marks);
        }
        catch (YamlException e)
        {
            return new(new(file, (int)e.Start.Line, (int)e.Start.Column), e.Message);
        }

        var location = new ManifestLocation(file, (int)root.Start.Line, (int)root.Start.Column);
        return json switch
        {
            null => null, // an empty document (e.g. a trailing ---)
            JsonObject obj => ReadObject(set, location, obj, marks, "$"),
            _ => new(location, "a document must be a mapping with apiVersion and kind"),
        };
    }

    private static ManifestReadError? ReadObject(
        ManifestSet set, ManifestLocation location, JsonObject obj, Dictionary<string, Mark> marks, string path)
    {
        var apiVersion = StringField(obj, "apiVersion");
        var kind = StringField(obj, "kind");
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            return new(location, "the object has no apiVersion or no kind (both are required strings)");
        }

        if (kind == ManifestKinds.List && apiVersion == "v1")
        {
            return ReadListItems(set, location, obj, marks, path);
        }

        var deserialize = new ManifestDeserializer(location, obj, marks, path);
        return (apiVersion, kind) switch
        {
            (ManifestKinds.KedaApiVersion, ManifestKinds.ScaledObject) =>
                deserialize.Into<ScaledObject>(o => o.Metadata, set.ScaledObjects, FillScaledObject),
            (ManifestKinds.KedaApiVersion, ManifestKinds.ScaledJob) =>
                deserialize.Into<ScaledJob>(o => o.Metadata, set.ScaledJobs, FillScaledJob),
            (ManifestKinds.KedaApiVersion, ManifestKinds.TriggerAuthentication) =>
                deserialize.Into<TriggerAuthentication>(o => o.Metadata, set.TriggerAuthentications),
            (ManifestKinds.KedaApiVersion, ManifestKinds.ClusterTriggerAuthentication) =>
                deserialize.Into<ClusterTriggerAuthentication>(o => o.Metadata, set.ClusterTriggerAuthentications, clusterScoped: true),
            ("v1", ManifestKinds.Secret) =>
                deserialize.Into<V1Secret>(o => o.Metadata, set.Secrets, MergeStringData),
            ("v1", ManifestKinds.ConfigMap) => deserialize.Into<V1ConfigMap>(o => o.Metadata, set.ConfigMaps),
            ("v1", ManifestKinds.LimitRange) => deserialize.Into<V1LimitRange>(o => o.Metadata, set.LimitRanges),
            ("apps/v1", ManifestKinds.Deployment) => deserialize.Into<V1Deployment>(o => o.Metadata, set.Deployments),
            ("apps/v1", ManifestKinds.StatefulSet) => deserialize.Into<V1StatefulSet>(o => o.Metadata, set.StatefulSets),
            ("autoscaling/v2", ManifestKinds.HorizontalPodAutoscaler) =>
                deserialize.Into<V2HorizontalPodAutoscaler>(o => o.Metadata, set.HorizontalPodAutoscalers),
            (ManifestKinds.CustomResourceDefinitionApiVersion, ManifestKinds.CustomResourceDefinition) =>
                ReadCustomResourceKind(set, location, obj),
            _ => Ignore(set, location, apiVersion, kind),
        };
    }

    private static ManifestReadError? ReadListItems(
        ManifestSet set, ManifestLocation location, JsonObject list, Dictionary<string, Mark> marks, string path)
    {
        if (list["items"] is not JsonArray items)
        {
            return null;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{YamlToJson.AppendProperty(path, "items")}[{i}]";
            var itemLocation = marks.TryGetValue(itemPath, out var mark)
                ? location with { Line = (int)mark.Line, Column = (int)mark.Column }
                : location;
            var error = items[i] is JsonObject item
                ? ReadObject(set, itemLocation, item, marks, itemPath)
                : new ManifestReadError(itemLocation, "a List item must be a mapping with apiVersion and kind");
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static ManifestReadError? Ignore(ManifestSet set, ManifestLocation location, string apiVersion, string kind)
    {
        set.Notes.Add($"{location}: ignored {kind} ({apiVersion}): not a kind validate reads");
        return null;
    }

    // Only the names and served versions: the schema is not needed and would be a large model to read.
    private static ManifestReadError? ReadCustomResourceKind(ManifestSet set, ManifestLocation location, JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject;
        var names = spec?["names"] as JsonObject;
        var (group, kind, plural) = (StringField(spec, "group"), StringField(names, "kind"), StringField(names, "plural"));
        if (string.IsNullOrEmpty(group) || string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(plural))
        {
            return new(location, "a CustomResourceDefinition needs spec.group, spec.names.kind and spec.names.plural (strings)");
        }

        var served = (spec?["versions"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(v => v["served"] is JsonValue s && s.TryGetValue<bool>(out var isServed) && isServed)
            .Select(v => StringField(v, "name")).OfType<string>().ToList();
        set.CustomResourceKinds.Add(new(new(group, kind, plural, served), location));
        return null;
    }

    private static List<string> ExpandPath(string path, out ManifestReadError? missing)
    {
        missing = null;
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
        }

        if (File.Exists(path))
        {
            return [path];
        }

        missing = new(new(path, 0, 0), "no such file or directory");
        return [];
    }

    // An empty YAML value (`spec:`, `metadata:`) reads as null; the checks see it as the empty object it stands for.
    private static void FillScaledObject(ScaledObject so)
    {
        so.Spec ??= new ScaledObjectSpec();
        so.Spec.ScaleTargetRef ??= new ScaleTarget();
        so.Spec.Triggers = FillTriggers(so.Spec.Triggers);
    }

    private static void FillScaledJob(ScaledJob job)
    {
        job.Spec ??= new ScaledJobSpec();
        job.Spec.Triggers = FillTriggers(job.Spec.Triggers);
    }

    private static List<ScaleTrigger> FillTriggers(List<ScaleTrigger>? triggers)
    {
        var filled = (triggers ?? []).Select(t => t ?? new ScaleTrigger()).ToList();
        foreach (var trigger in filled)
        {
            trigger.Type ??= "";
            trigger.Metadata ??= [];
        }

        return filled;
    }

    private static void MergeStringData(V1Secret secret)
    {
        // The API server folds stringData into data (stringData wins).
        if (secret.StringData is null)
        {
            return;
        }

        secret.Data ??= new Dictionary<string, byte[]>();
        foreach (var (key, value) in secret.StringData)
        {
            secret.Data[key] = Encoding.UTF8.GetBytes(value ?? "");
        }

        secret.StringData = null;
    }

    private static string? StringField(JsonObject? obj, string name) =>
        obj?[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
