namespace Operator.Api;

/// <summary>A list of ScaledJob objects.</summary>
public sealed class ScaledJobList() : KedaResourceList<ScaledJob>("ScaledJobList");
