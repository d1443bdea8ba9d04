namespace LocalServiceBus.Tests.Support;

internal static class Names
{
    /// <summary>A queue name no other test uses (tests share one broker or emulator per class).</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 50)];
}
