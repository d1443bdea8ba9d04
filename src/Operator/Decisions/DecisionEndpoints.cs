using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Operator.Decisions;

/// <summary>Serves the decision log: <c>GET /decisions/{namespace}/{name}</c> answers the recent decisions, oldest first.</summary>
public static class DecisionEndpoints
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static IEndpointConventionBuilder MapDecisions(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(DecisionLogDefaults.Route + "/{ns}/{name}", (string ns, string name, IDecisionLog log) =>
            Results.Json(new DecisionList(ns, name, log.Recent(ns, name)), Json));
}
