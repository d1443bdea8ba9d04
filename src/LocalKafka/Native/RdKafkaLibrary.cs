using System.Reflection;
using System.Runtime.InteropServices;

namespace LocalKafka.Native;

/// <summary>
/// Finds the librdkafka build that loads on this machine, in the order Confluent.Kafka tries them: the default
/// <c>librdkafka.so</c> (linked against <c>libsasl2.so.3</c>, absent on Debian), then <c>centos8-librdkafka.so</c>
/// (no GSSAPI), or the musl build on Alpine. Both programs end up on the same file.
/// </summary>
internal static class RdKafkaLibrary
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static void EnsureResolver()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(typeof(RdKafkaLibrary).Assembly, Resolve);
            _registered = true;
        }
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != RdKafkaNative.Library)
        {
            return 0;
        }

        foreach (var candidate in Candidates())
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException(
            "librdkafka could not be loaded from the librdkafka.redist package (tried: " + string.Join(", ", Candidates()) + ")");
    }

    private static IEnumerable<string> Candidates()
    {
        var native = Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeIdentifierFolder(), "native");
        if (OperatingSystem.IsLinux())
        {
            if (File.Exists("/etc/alpine-release"))
            {
                yield return Path.Combine(native, "alpine-librdkafka.so");
            }

            yield return Path.Combine(native, "librdkafka.so");
            yield return Path.Combine(native, "centos8-librdkafka.so");
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return Path.Combine(native, "librdkafka.dylib");
        }
        else
        {
            yield return Path.Combine(native, "librdkafka.dll");
        }

        yield return "librdkafka";
    }

    private static string RuntimeIdentifierFolder()
    {
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        return $"{os}-{arch}";
    }
}
