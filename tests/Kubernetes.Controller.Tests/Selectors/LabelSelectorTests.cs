using k8s.Models;
using Kubernetes.Controller.Selectors;

namespace Kubernetes.Controller.Tests.Selectors;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "frontend" };

    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web,tier!=db", true)]
    [InlineData("app in (web,api),!legacy", true)]
    [InlineData("tier notin (frontend)", false)]
    [InlineData("app,tier", true)]
    [InlineData("missing", false)]
    [InlineData("", true)]
    public void TryParse_ThenMatches_FollowsSelectorGrammar(string query, bool expected)
    {
        var selector = LabelSelector.TryParse(query, out var error);

        Assert.Null(error);
        Assert.Equal(expected, selector!.Matches(Labels));
    }

    [Fact]
    public void TryParse_SetWithoutParentheses_ReportsTheTerm()
    {
        Assert.Null(LabelSelector.TryParse("app in web", out var error));
        Assert.Contains("app in web", error, StringComparison.Ordinal);
    }

    [Fact]
    public void FromObject_Null_MatchesNothing_AsForWorkloads()
    {
        Assert.False(LabelSelector.FromObject(null).MatchesLabels(Labels));
    }

    [Fact]
    public void FromObject_MatchesLabelsAndExpressions_LikeTheParsedForm()
    {
        var selector = new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["app"] = "web" },
            MatchExpressions = [new V1LabelSelectorRequirement { Key = "tier", OperatorProperty = "NotIn", Values = ["db"] }],
        };

        Assert.True(LabelSelector.FromObject(selector).MatchesLabels(Labels));
        Assert.True(LabelSelector.TryParse(LabelSelector.ToQuery(selector), out _)!.MatchesLabels(Labels));
    }

    [Fact]
    public void ToQuery_RendersMatchLabelsAndExpressionsSorted()
    {
        var selector = new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" },
            MatchExpressions = [new V1LabelSelectorRequirement { Key = "c", OperatorProperty = "In", Values = ["y", "x"] }],
        };

        Assert.Equal("a=1,b=2,c in (x,y)", LabelSelector.ToQuery(selector));
    }

    [Fact]
    public void ToGoString_MatchesUpstreamEventText()
    {
        var selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["scaledobject.keda.sh/name"] = "web" } };

        Assert.Equal("&LabelSelector{MatchLabels:map[string]string{scaledobject.keda.sh/name: web,},MatchExpressions:[]LabelSelectorRequirement{},}",
            LabelSelector.ToGoString(selector));
    }
}
