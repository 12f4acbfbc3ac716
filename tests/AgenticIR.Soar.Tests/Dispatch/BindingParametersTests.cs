using AgenticIR.Core.Alerts;
using AgenticIR.Core.Catalog;
using AgenticIR.Core.Investigation;
using AgenticIR.Soar.SplunkSoar.Dispatch;
using static AgenticIR.Soar.Tests.Dispatch.SoarTestData;

namespace AgenticIR.Soar.Tests.Dispatch;

public sealed class BindingParametersTests
{
    private static SplunkSoarBinding Binding(params (string Name, string Value)[] parameters) => new()
    {
        App = "App", Action = "act", Provenance = "test", Parameters = parameters.ToDictionary(p => p.Name, p => p.Value),
    };

    [Fact]
    public void Resolve_TargetAndLiterals_UsesTheInvestigationsOwnValue()
    {
        var own = new Observable(ObservableType.Domain, "Evil.Example");

        var result = BindingParameters.Resolve(
            Binding(("domain", "${target}"), ("alt", "${inputs.target}"), ("mode", "strict")), new Observable(ObservableType.Domain, "evil.example"), [own]);

        Assert.True(result.Succeeded);
        Assert.Equal(new Dictionary<string, string> { ["alt"] = "Evil.Example", ["domain"] = "Evil.Example", ["mode"] = "strict" }, result.Parameters);
    }

    [Fact]
    public void Resolve_TargetNotAmongObservables_Refused()
    {
        var result = BindingParameters.Resolve(Binding(("ip", "${target}")), new Observable(ObservableType.Ipv4, "198.51.100.9"), [AttackerIp, Host]);

        Assert.False(result.Succeeded);
        Assert.Contains("not an observable of this investigation", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_SameValueOfAnotherType_Refused()
    {
        var result = BindingParameters.Resolve(Binding(("host", "${target}")), new Observable(ObservableType.Host, "203.0.113.7"), [AttackerIp]);

        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("src_ip=${target} | head 10")]
    [InlineData("${inputs.ip}")]
    [InlineData("${alert.title}")]
    public void Resolve_AnythingButAWholeTargetPlaceholder_Refused(string template)
    {
        var result = BindingParameters.Resolve(Binding(("query", template)), AttackerIp, [AttackerIp]);

        Assert.False(result.Succeeded);
        Assert.Contains("only literals and exactly ${target}", result.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void LegalTargets_AlertObservablesPlusDiscoveredOnes()
    {
        var discovered = new Observable(ObservableType.Domain, "c2.example");
        var record = Record() with
        {
            Report = new InvestigationReport
            {
                Steps = [], Confidence = 0.8, StopReason = StopReason.ConfidenceReached, BlastRadius = new BlastRadius(),
                Findings = [new Finding { Id = "F1", Title = "t", Verdict = Verdict.Malicious, Confidence = 0.9, Evidence = "e", Tool = "x", Discovered = [discovered] }],
            },
        };

        Assert.Equal([AttackerIp, Host, discovered], BindingParameters.LegalTargets(record));
    }

    [Fact]
    public void DispatchKeys_CanonicalOverParameterOrderAndDistinctPerContainer()
    {
        var a = DispatchKeys.Compute("prod", 42, "block_ip", new Dictionary<string, string> { ["ip"] = "1.2.3.4", ["x"] = "false" });
        var b = DispatchKeys.Compute("prod", 42, "block_ip", new Dictionary<string, string> { ["x"] = "false", ["ip"] = "1.2.3.4" });
        var c = DispatchKeys.Compute("prod", 43, "block_ip", new Dictionary<string, string> { ["ip"] = "1.2.3.4", ["x"] = "false" });
        var d = DispatchKeys.Compute("prod", 42, "unblock_ip", new Dictionary<string, string> { ["ip"] = "1.2.3.4", ["x"] = "false" });

        Assert.Equal(a, b);
        Assert.Equal(4, new[] { a, c, d, DispatchKeys.Compute("dev", 42, "block_ip", new Dictionary<string, string> { ["ip"] = "1.2.3.4", ["x"] = "false" }) }.Distinct().Count());
    }
}
