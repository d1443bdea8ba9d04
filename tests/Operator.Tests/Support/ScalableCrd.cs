namespace Operator.Tests.Support;

/// <summary>A namespaced CustomResourceDefinition serving <c>v1</c> with a <c>/scale</c> subresource: a custom scale target kind.</summary>
public static class ScalableCrd
{
    public static string Yaml(string plural, string singular, string kind, string group) => $$"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: {{plural}}.{{group}}}
        spec:
          group: {{group}}
          scope: Namespaced
          names: {plural: {{plural}}, singular: {{singular}}, kind: {{kind}}}
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
              scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas}
            schema:
              openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """;
}
