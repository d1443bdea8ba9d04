namespace Operator.Api;

/// <summary>A list of ScaledObject objects.</summary>
public sealed class ScaledObjectList() : KedaResourceList<ScaledObject>("ScaledObjectList");
