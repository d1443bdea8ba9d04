using System.Globalization;
using System.Text.Json;
using Operator.Scaling.Modifiers;

namespace Operator.Scalers.Prometheus;

/// <summary>
/// Turns a <c>/api/v1/query</c> response body into one value, following KEDA's <c>ExecutePromQuery</c> rules
/// (empty result, multiple series, short value lists, NaN/Inf, <c>ignoreNullValues</c>).
/// </summary>
internal static class PrometheusResponseReader
{
    /// <summary>Reads <paramref name="body"/>; <c>Error</c> is set when KEDA would return an error.</summary>
    public static (double Value, string? Error) Read(ReadOnlySpan<byte> body, string query, bool ignoreNullValues)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException ex)
        {
            return (-1, $"error decoding prometheus response: {ex.Message}");
        }

        using (document)
        {
            if (!TryGetResult(document.RootElement, out var result, out var shapeError))
            {
                return (-1, shapeError);
            }

            if (result.Count == 0)
            {
                return ignoreNullValues
                    ? (0, null)
                    : (-1, "prometheus metrics 'prometheus' target may be lost, the result is empty");
            }

            if (result.Count > 1)
            {
                // KEDA errors on several series even with ignoreNullValues.
                return (-1, $"prometheus query {query} returned multiple elements");
            }

            var values = result[0];
            if (values.Count == 0)
            {
                return ignoreNullValues
                    ? (0, null)
                    : (-1, "prometheus metrics 'prometheus' target may be lost, the value list is empty");
            }

            if (values.Count < 2)
            {
                return (-1, $"prometheus query {query} didn't return enough values");
            }

            return ReadSample(values[1], ignoreNullValues);
        }
    }

    private static (double Value, string? Error) ReadSample(JsonElement sample, bool ignoreNullValues)
    {
        // KEDA quirk: a JSON null sample value leaves the value at -1 and reports no error.
        if (sample.ValueKind == JsonValueKind.Null)
        {
            return (-1, null);
        }

        if (sample.ValueKind != JsonValueKind.String)
        {
            // KEDA panics here (type assertion to string); a clear error is the safe equivalent.
            return (-1, $"prometheus query value is not a string: {sample.GetRawText()}");
        }

        var text = sample.GetString()!;
        if (!GoFloat.TryParse(text, out var value, out var parseError))
        {
            return (-1, parseError);
        }

        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return ignoreNullValues ? (0, null) : (-1, $"prometheus query returns {FormatSpecial(value)}");
        }

        return (value, null);
    }

    /// <summary>
    /// Extracts <c>data.result[*].value</c> with Go <c>encoding/json</c> leniency: missing or null members are
    /// empty, members of the wrong JSON type are decode errors.
    /// </summary>
    private static bool TryGetResult(JsonElement root, out List<List<JsonElement>> result, out string? error)
    {
        result = [];
        error = null;
        if (root.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            error = TypeError(root, "the response");
            return false;
        }

        if (root.TryGetProperty("status", out var status) && status.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            error = TypeError(status, "status");
            return false;
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            error = TypeError(data, "data");
            return false;
        }

        if (data.TryGetProperty("resultType", out var resultType) && resultType.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            error = TypeError(resultType, "data.resultType");
            return false;
        }

        if (!data.TryGetProperty("result", out var series) || series.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (series.ValueKind != JsonValueKind.Array)
        {
            error = TypeError(series, "data.result");
            return false;
        }

        foreach (var element in series.EnumerateArray())
        {
            if (!TryGetValues(element, out var values, out error))
            {
                return false;
            }

            result.Add(values);
        }

        return true;
    }

    private static bool TryGetValues(JsonElement element, out List<JsonElement> values, out string? error)
    {
        values = [];
        error = null;
        if (element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            error = TypeError(element, "data.result[]");
            return false;
        }

        if (element.TryGetProperty("metric", out var metric) && metric.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            error = TypeError(metric, "data.result[].metric");
            return false;
        }

        if (!element.TryGetProperty("value", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            error = TypeError(value, "data.result[].value");
            return false;
        }

        values.AddRange(value.EnumerateArray());
        return true;
    }

    /// <summary>Go's <c>%f</c> rendering of NaN and the infinities.</summary>
    private static string FormatSpecial(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Inf" : "-Inf";

    private static string TypeError(JsonElement element, string field) =>
        string.Create(CultureInfo.InvariantCulture, $"error decoding prometheus response: unexpected JSON {element.ValueKind.ToString().ToLowerInvariant()} for {field}");
}
