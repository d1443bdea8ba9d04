using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EmbeddedKubernetes.Crds;
using EmbeddedKubernetes.Resources;
using EmbeddedKubernetes.Storage;

namespace EmbeddedKubernetes.Api;

internal sealed partial class ObjectService
{
    // apimachinery's SimpleNameGenerator alphabet: no vowels, no confusable digits.
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public ApiResult Create(ResourceType type, string ns, JsonObject body, WriteOptions options)
    {
        if (CheckTypeMeta(type, body) is { } typeError)
        {
            return typeError;
        }

        var metadata = Metadata(body);
        var bodyNamespace = Str(metadata["namespace"]);
        if (type.Namespaced)
        {
            if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != ns)
            {
                return ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
            ns = "";
        }

        var generated = false;
        var name = Str(metadata["name"]);
        if (string.IsNullOrEmpty(name))
        {
            var prefix = Str(metadata["generateName"]);
            if (string.IsNullOrEmpty(prefix))
            {
                return ApiError.Invalid(type, "", [FieldError.Required("metadata.name", "name or generateName is required")]);
            }

            name = GenerateName(type, ns, prefix);
            metadata["name"] = name;
            generated = true;
        }

        if (CheckNamespace(type, ns, name, creating: true) is { } nsError)
        {
            return nsError;
        }

        if (_store.Get(type.GroupResource, ns, name) is not null)
        {
            return ApiError.AlreadyExists(type, name);
        }

        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Now();
        metadata["generation"] = 1;
        metadata.Remove("resourceVersion");
        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        metadata.Remove("selfLink");
        if (type.HasStatus)
        {
            body.Remove("status");
        }

        if (type.GroupResource == "services")
        {
            // ClusterIPs are allocated by looking at the other Services: those creates run one at a time.
            lock (_serviceAllocation)
            {
                return PrepareAndCommit(type, ns, body, generated, options);
            }
        }

        return PrepareAndCommit(type, ns, body, generated, options);
    }

    private ApiResult PrepareAndCommit(ResourceType type, string ns, JsonObject body, bool generated, WriteOptions options)
    {
        var prepared = Prepare(type, body, null);
        if (prepared is not null)
        {
            return prepared;
        }

        if (options.DryRun)
        {
            return ApiResult.Success(body, 201);
        }

        var metadata = Metadata(body);
        while (true)
        {
            var stored = CommitIf(type, body, WatchEventType.Added, expected: null);
            if (stored is not null)
            {
                AfterCreate(type, stored);
                return ApiResult.Success(Present(type, stored), 201);
            }

            if (!generated)
            {
                return ApiError.AlreadyExists(type, Str(metadata["name"]) ?? "");
            }

            // Another create took the generated name first: draw another, as kube-apiserver's retry does.
            metadata["name"] = GenerateName(type, ns, Str(metadata["generateName"])!);
        }
    }

    /// <summary>Defaulting, pruning and validation shared by create and update; null when the object is valid.</summary>
    private ApiError? Prepare(ResourceType type, JsonObject node, JsonObject? old)
    {
        if (type.Schema is not null)
        {
            SchemaProcessor.Apply(type.Schema, node);
        }
        else
        {
            BuiltInDefaults.Apply(type, node, old, _store);
        }

        var errors = new List<FieldError>();
        ObjectMetaRules.Validate(type, node, errors);
        if (type.Schema is not null)
        {
            SchemaProcessor.Validate(type.Schema, node, errors);
        }
        else
        {
            BuiltInValidation.Validate(type, node, old, errors);
        }

        return errors.Count == 0 ? null : ApiError.Invalid(type, Str(node["metadata"]?["name"]) ?? "", errors);
    }

    private string GenerateName(ResourceType type, string ns, string prefix)
    {
        var trimmed = prefix.Length > 58 ? prefix[..58] : prefix;
        while (true)
        {
            var suffix = string.Create(5, 0, static (span, _) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = GenerateNameAlphabet[RandomNumberGenerator.GetInt32(GenerateNameAlphabet.Length)];
                }
            });
            if (_store.Get(type.GroupResource, ns, trimmed + suffix) is null)
            {
                return trimmed + suffix;
            }
        }
    }

    /// <summary>What controllers in kube-controller-manager would do at once: a namespace gets its default ServiceAccount.</summary>
    private void AfterCreate(ResourceType type, StoredObject stored)
    {
        if (type.GroupResource != "namespaces")
        {
            return;
        }

        var serviceAccounts = _registry.Find("", "v1", "serviceaccounts")!;
        if (_store.Get(serviceAccounts.GroupResource, stored.Name, "default") is null)
        {
            var account = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ServiceAccount",
                ["metadata"] = new JsonObject { ["name"] = "default", ["namespace"] = stored.Name },
            };
            Create(serviceAccounts, stored.Name, account, WriteOptions.Default);
        }
    }
}
