namespace EmbeddedKubernetes.Logs;

/// <summary>One line of container output with when it was written.</summary>
public readonly record struct LogLine(long Sequence, DateTimeOffset Time, string Text);
