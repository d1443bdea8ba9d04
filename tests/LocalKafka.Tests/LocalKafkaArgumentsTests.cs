namespace LocalKafka.Tests;

public sealed class LocalKafkaArgumentsTests
{
    [Fact]
    public void Parse_ReadsPortBrokersAndRepeatedTopics()
    {
        var (options, error) = LocalKafkaArguments.Parse(["--port", "9092", "--brokers", "3", "--topic", "orders:8", "--topic", "audit"]);

        Assert.Null(error);
        Assert.Equal(9092, options!.Port);
        Assert.Equal(3, options.Brokers);
        Assert.Equal([new LocalKafkaTopic("orders", 8), new LocalKafkaTopic("audit", 1)], options.Topics);
    }

    [Theory]
    [InlineData("--port", "x", "--port")]
    [InlineData("--port", "70000", "--port")]
    [InlineData("--brokers", "0", "Brokers")]
    [InlineData("--topic", "orders:zero", "partitions")]
    [InlineData("--topic", "orders:0", "partitions")]
    [InlineData("--topic", "bad name", "topic name")]
    [InlineData("--colour", "red", "unknown argument")]
    public void Parse_RejectsBadInput_NamingTheField(string name, string value, string expected)
    {
        var (options, error) = LocalKafkaArguments.Parse([name, value]);

        Assert.Null(options);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
