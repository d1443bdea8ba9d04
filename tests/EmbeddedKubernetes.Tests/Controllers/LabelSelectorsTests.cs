using EmbeddedKubernetes.Controllers;
using k8s.Models;

namespace EmbeddedKubernetes.Tests.Controllers;

public sealed class LabelSelectorsTests
{
    [Theory]
    [InlineData("app=web", true)]
    [InlineData("app==web,tier!=db", true)]
    [InlineData("app in (web,api),!legacy", true)]
    [InlineData("tier notin (frontend)", false)]
    [InlineData("app,tier", true)]
    [InlineData("missing", false)]
    [InlineData("", true)]
    public void Parse_ThenMatches_FollowsSelectorGrammar(string query, bool expected)
    {
        var labels = new Dictionary<string, string> { ["app"] = "web", ["tier"] = "frontend" };

        var selector = LabelSelectors.Parse(query, out var error);

        Assert.Null(error);
        var empty = selector!.MatchLabels.Count == 0 && selector.MatchExpressions.Count == 0;
        Assert.Equal(expected, empty || LabelSelectors.Matches(selector, labels));
    }

    [Fact]
    public void Parse_SetWithoutParentheses_ReportsTheTerm()
    {
        Assert.Null(LabelSelectors.Parse("app in web", out var error));
        Assert.Contains("app in web", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToQuery_RendersMatchLabelsAndExpressionsSorted()
    {
        var selector = new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" },
            MatchExpressions = [new V1LabelSelectorRequirement { Key = "c", OperatorProperty = "In", Values = ["y", "x"] }],
        };

        Assert.Equal("a=1,b=2,c in (x,y)", LabelSelectors.ToQuery(selector));
    }

    [Fact]
    public void ToGoString_MatchesUpstreamEventText()
    {
        var selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["scaledobject.keda.sh/name"] = "web" } };

        Assert.Equal("&LabelSelector{MatchLabels:map[string]string{scaledobject.keda.sh/name: web,},MatchExpressions:[]LabelSelectorRequirement{},}",
            LabelSelectors.ToGoString(selector));
    }
}
