using System.Diagnostics;
using Confluent.Kafka;
using ServiceDefaults.Messaging;

namespace OrderSample.Tests.ServiceDefaults.Messaging;

public sealed class MessageTraceContextTests
{
    private static readonly ActivityContext Context = new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

    [Fact]
    public void ApplicationProperties_CarryTraceparentBothWays()
    {
        var properties = new Dictionary<string, object>();

        MessageTraceContext.Inject(Context, properties);

        Assert.Equal($"00-{Context.TraceId}-{Context.SpanId}-01", properties["traceparent"]);
        var extracted = MessageTraceContext.Extract(properties);
        Assert.Equal(Context.TraceId, extracted.TraceId);
        Assert.Equal(Context.SpanId, extracted.SpanId);
    }

    [Fact]
    public void ApplicationProperties_OnlyDiagnosticId_IsReadAsTheParent()
    {
        var properties = new Dictionary<string, object> { ["Diagnostic-Id"] = $"00-{Context.TraceId}-{Context.SpanId}-01" };

        Assert.Equal(Context.TraceId, MessageTraceContext.Extract(properties).TraceId);
    }

    [Fact]
    public void KafkaHeaders_CarryTraceparentBothWays()
    {
        var headers = new Headers();

        MessageTraceContext.Inject(Context, headers);

        var extracted = MessageTraceContext.Extract(headers);
        Assert.Equal(Context.TraceId, extracted.TraceId);
        Assert.Equal(Context.SpanId, extracted.SpanId);
    }

    [Fact]
    public void Extract_NothingThere_IsNoParent()
    {
        Assert.Equal(default, MessageTraceContext.Extract(new Dictionary<string, object>()));
        Assert.Equal(default, MessageTraceContext.Extract((Headers?)null));
    }
}
