using EmbeddedKubernetes.Logs;
using Microsoft.Extensions.Time.Testing;

namespace EmbeddedKubernetes.Tests.Logs;

public sealed class ContainerLogTests
{
    [Fact]
    public void Append_KeepsOnlyTheLastLines_WithTheirTimes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var log = new ContainerLog(2, time);

        log.Append("one");
        time.Advance(TimeSpan.FromSeconds(1));
        log.Append("two");
        log.Append("three");
        var (lines, ended, _) = log.Read(0);

        Assert.Equal(["two", "three"], lines.Select(l => l.Text));
        Assert.Equal(time.GetUtcNow(), lines[0].Time);
        Assert.False(ended);
    }

    [Fact]
    public void Read_FromASequence_ReturnsOnlyNewerLines()
    {
        var log = new ContainerLog(10, TimeProvider.System);
        log.Append("one");
        var (first, _, _) = log.Read(0);
        log.Append("two");

        var (next, _, _) = log.Read(first[^1].Sequence + 1);

        Assert.Equal(["two"], next.Select(l => l.Text));
    }

    [Fact]
    public void Changed_CompletesOnAppendAndOnEnd_AndNothingIsAppendedAfterTheEnd()
    {
        var log = new ContainerLog(10, TimeProvider.System);
        var (_, _, beforeAppend) = log.Read(0);
        log.Append("one");
        var (_, _, beforeEnd) = log.Read(0);
        log.End();
        log.Append("late");

        var (lines, ended, _) = log.Read(0);

        Assert.True(beforeAppend.IsCompleted);
        Assert.True(beforeEnd.IsCompleted);
        Assert.True(ended);
        Assert.Equal(["one"], lines.Select(l => l.Text));
    }
}
