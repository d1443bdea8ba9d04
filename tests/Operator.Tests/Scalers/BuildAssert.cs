using Operator.Scalers;

namespace Operator.Tests.Scalers;

internal static class BuildAssert
{
    /// <summary>The build failed and its (KEDA-wrapped) message contains <paramref name="expected"/>.</summary>
    public static void HasError(ScalerBuildResult result, string expected)
    {
        Assert.False(result.IsSuccess);
        Assert.Contains(expected, string.Join('\n', result.Errors), StringComparison.Ordinal);
    }
}
