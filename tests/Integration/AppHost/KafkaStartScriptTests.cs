using System.Diagnostics;
using AppHost.Kafka;

namespace Integration.AppHost;

/// <summary>
/// The Kafka container's start script, run by a real <c>bash</c> with <c>hostname</c> and the image's programs
/// replaced by recorders: it advertises the published port and the container address, creates each topic, then
/// hands over to the image's own start command.
/// </summary>
public sealed class KafkaStartScriptTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("kafka-script-").FullName;

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    [Fact]
    public async Task StartScript_AdvertisesBothListeners_CreatesTopics_ThenRunsTheImagesStart()
    {
        var script = KafkaContainerBuilderExtensions.StartScript(41234, ["orders:8"]);
        var log = Path.Combine(_bin, "log");
        Fake("hostname", "echo '172.18.0.5 fd00::5'");
        Fake("kafka-topics.sh", $"echo \"topics $*\" >> {log}");
        Fake("run", $"echo \"run $KAFKA_ADVERTISED_LISTENERS\" >> {log}; sleep 1");
        var rewritten = script.Replace("/opt/kafka/bin/", _bin + "/", StringComparison.Ordinal).Replace("/etc/kafka/docker/", _bin + "/", StringComparison.Ordinal);

        var start = new ProcessStartInfo("bash") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(rewritten);
        start.Environment["PATH"] = $"{_bin}:{Environment.GetEnvironmentVariable("PATH")}";
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        var lines = await File.ReadAllLinesAsync(log, TestContext.Current.CancellationToken);
        Assert.Contains("run PLAINTEXT://localhost:41234,CLUSTER://172.18.0.5:9094", lines);
        Assert.Contains("topics --bootstrap-server 172.18.0.5:9094 --create --if-not-exists --topic orders --partitions 8 --replication-factor 1", lines);
    }

    private void Fake(string name, string body)
    {
        var path = Path.Combine(_bin, name);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
