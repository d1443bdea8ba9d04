namespace EmbeddedKubernetes.Tests.Support;

/// <summary>CRD manifests used by the tests (a ScaledObject-shaped CRD with KEDA's printer columns and scale subresource).</summary>
public static class TestCrds
{
    public const string Widgets = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names:
            plural: widgets
            singular: widget
            kind: Widget
            shortNames: [wd]
            categories: [all]
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
              scale:
                specReplicasPath: .spec.replicas
                statusReplicasPath: .status.replicas
                labelSelectorPath: .status.selector
            additionalPrinterColumns:
            - name: Size
              type: string
              jsonPath: .spec.size
            - name: Ready
              type: string
              jsonPath: .status.conditions[?(@.type=="Ready")].status
            - name: Replicas
              type: integer
              jsonPath: .spec.replicas
              priority: 1
            - name: Age
              type: date
              jsonPath: .metadata.creationTimestamp
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    required: [size]
                    properties:
                      size:
                        type: string
                        enum: [small, large]
                      replicas:
                        type: integer
                        default: 1
                      color:
                        type: string
                        default: blue
                      labels:
                        type: object
                        additionalProperties:
                          type: string
                  status:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
        """;

    public static string Widget(string name, string ns, string size = "small") => $$"""
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: {{name}}
          namespace: {{ns}}
        spec:
          size: {{size}}
          unknownField: dropped
        """;
}
