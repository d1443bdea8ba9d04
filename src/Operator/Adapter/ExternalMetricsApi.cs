using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Operator.Metrics;
using Operator.Scaling;

namespace Operator.Adapter;

/// <summary>
/// The external metrics API KEDA's metrics adapter serves (<c>external.metrics.k8s.io/v1beta1</c>), in process: discovery,
/// and <c>ExternalMetricValueList</c> for one metric of the ScaledObject named by the <c>scaledobject.keda.sh/name</c>
/// label selector. Values come from the <see cref="IScaledObjectMetricsSource"/> registered in DI.
/// </summary>
public static class ExternalMetricsApi
{
    public const string Group = "external.metrics.k8s.io";
    public const string Version = "v1beta1";
    public const string Root = "/apis/" + Group + "/" + Version;
    public const string ScaledObjectLabel = "scaledobject.keda.sh/name";

    public static IEndpointConventionBuilder MapExternalMetricsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Root);
        group.MapGet("", () => Results.Json(ExternalMetricsJson.Discovery(), ExternalMetricsJson.Options));
        group.MapGet("/namespaces/{ns}/{metricName}", GetAsync);
        return group;
    }

    private static async Task<IResult> GetAsync(string ns, string metricName, HttpContext context)
    {
        var source = context.RequestServices.GetService<IScaledObjectMetricsSource>();
        if (source is null)
        {
            return Status(503, "ServiceUnavailable", "the scale loop is not running yet");
        }

        var scaledObject = ScaledObjectName(context.Request.Query["labelSelector"].ToString(), out var selectorError);
        if (selectorError is not null)
        {
            return Status(400, "BadRequest", selectorError);
        }

        // KEDA's provider: an empty scaledobject.keda.sh/name yields this error (the HPA sees it as FailedGetExternalMetric).
        if (string.IsNullOrEmpty(scaledObject))
        {
            return Status(500, "InternalError", "Internal error occurred: scaledObject name is not specified");
        }

        var result = await source.GetMetricsAsync(ns, scaledObject, metricName, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return result.NotFound
                ? Status(404, "NotFound", result.Error!)
                : Status(500, "InternalError", "Internal error occurred: " + result.Error);
        }

        var time = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        var timestamp = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var items = result.Values.Select(v => new ExternalMetricItem(v.MetricName, null, timestamp, KubernetesQuantity.FromMetricValue(v.Value)));
        return Results.Json(new ExternalMetricList([.. items]), ExternalMetricsJson.Options);
    }

    /// <summary>
    /// The value of <c>scaledobject.keda.sh/name</c> in an equality selector (<c>a=b</c>, <c>a==b</c>, <c>a in (b)</c>,
    /// comma-separated requirements), or null when the label is absent; an unparsable selector is an error.
    /// </summary>
    internal static string? ScaledObjectName(string? selector, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(selector))
        {
            return null;
        }

        foreach (var requirement in SplitRequirements(selector))
        {
            var text = requirement.Trim();
            string key;
            string value;
            var inIndex = text.IndexOf(" in ", StringComparison.Ordinal);
            if (inIndex > 0 && text.EndsWith(')'))
            {
                key = text[..inIndex].Trim();
                var open = text.IndexOf('(', inIndex);
                value = open < 0 ? "" : text[(open + 1)..^1].Split(',')[0].Trim();
            }
            else if (text.IndexOf("!=", StringComparison.Ordinal) is var ne and > 0)
            {
                if (text[..ne].Trim() == ScaledObjectLabel)
                {
                    error = $"unable to parse requirement: {ScaledObjectLabel} must be selected with '=' (got \"{text}\")";
                    return null;
                }

                continue;
            }
            else if (text.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                key = text[..eq].Trim();
                value = text[(eq + 1)..].TrimStart('=').Trim();
            }
            else
            {
                if (text.Length == 0 || text.TrimStart('!').Any(c => !(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/')))
                {
                    error = $"unable to parse requirement: invalid label selector \"{selector}\"";
                    return null;
                }

                continue;
            }

            if (key == ScaledObjectLabel)
            {
                return value;
            }
        }

        return null;
    }

    private static IEnumerable<string> SplitRequirements(string selector)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            depth += selector[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (selector[i] == ',' && depth == 0)
            {
                yield return selector[start..i];
                start = i + 1;
            }
        }

        yield return selector[start..];
    }

    private static IResult Status(int code, string reason, string message) =>
        Results.Json(new ApiStatus(message, reason, code), ExternalMetricsJson.Options, statusCode: code);
}
