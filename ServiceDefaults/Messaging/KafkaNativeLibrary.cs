using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace ServiceDefaults.Messaging;

/// <summary>
/// Loads librdkafka before the first Kafka client. On Debian the default glibc build in librdkafka.redist links
/// <c>libsasl2.so.3</c>, which Debian does not ship; the package's <c>centos8</c> build loads there.
/// </summary>
public static class KafkaNativeLibrary
{
    private static readonly Lock Gate = new();

    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (Library.IsLoaded || !OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            {
                return;
            }

            var candidate = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "centos8-librdkafka.so");
            if (File.Exists(candidate) && !CanLoadDefault())
            {
                Library.Load(candidate);
            }
        }
    }

    private static bool CanLoadDefault()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "librdkafka.so");
        if (!NativeLibrary.TryLoad(path, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }
}
