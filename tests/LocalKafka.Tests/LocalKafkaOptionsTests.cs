namespace LocalKafka.Tests;

public sealed class LocalKafkaOptionsTests
{
    private const double TooLong = int.MaxValue + 1d;

    [Theory]
    [InlineData(nameof(LocalKafkaOptions.GroupInitialRebalanceDelay), -1d, 0)]
    [InlineData(nameof(LocalKafkaOptions.GroupInitialRebalanceDelay), TooLong, 0)]
    [InlineData(nameof(LocalKafkaOptions.ConsumerGroupSessionTimeout), 0d, 1)]
    [InlineData(nameof(LocalKafkaOptions.ConsumerGroupSessionTimeout), TooLong, 1)]
    [InlineData(nameof(LocalKafkaOptions.ConsumerGroupHeartbeatInterval), -1000d, 1)]
    [InlineData(nameof(LocalKafkaOptions.ConsumerGroupHeartbeatInterval), TooLong, 1)]
    public void Validate_RejectsADurationOutOfRange_NamingTheFieldAndItsRange(string field, double milliseconds, int minimum)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);
        var options = field switch
        {
            nameof(LocalKafkaOptions.GroupInitialRebalanceDelay) => new LocalKafkaOptions { GroupInitialRebalanceDelay = value },
            nameof(LocalKafkaOptions.ConsumerGroupSessionTimeout) => new LocalKafkaOptions { ConsumerGroupSessionTimeout = value },
            _ => new LocalKafkaOptions { ConsumerGroupHeartbeatInterval = value },
        };

        Assert.Equal($"{field} must be between {minimum} and {int.MaxValue} ms, got {value}", options.Validate());
    }

    [Fact]
    public void Validate_AcceptsZeroRebalanceDelay_AndPositiveGroupTimings()
    {
        var options = new LocalKafkaOptions
        {
            GroupInitialRebalanceDelay = TimeSpan.Zero,
            ConsumerGroupSessionTimeout = TimeSpan.FromSeconds(6),
            ConsumerGroupHeartbeatInterval = TimeSpan.FromMilliseconds(500),
        };

        Assert.Null(options.Validate());
    }
}
