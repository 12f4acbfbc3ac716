using AgenticIR.Governance.PolicyLifecycle;

namespace AgenticIR.Governance.Tests.PolicyLifecycle;

public sealed class PolicyYamlEditorTests
{
    private const string Yaml = """
        # policy
        triage:
          weights:
            asset_criticality: 0.30 # the asset's business value
            alert_fidelity: 0.15
          severity_scores:
            high: "0.55"
        investigation:
          confidence_threshold: 0.85
        circuit_breakers:
          per_investigation:
            max_steps: 20
          global:
            max_steps: 99
        """;

    [Fact]
    public void TrySet_NestedKey_ReplacesOnlyTheValueKeepingTheComment()
    {
        var updated = PolicyYamlEditor.TrySet(Yaml, "triage.weights.asset_criticality", "0.27", out var error);

        Assert.Null(error);
        Assert.Equal(Yaml.Replace("asset_criticality: 0.30 #", "asset_criticality: 0.27 #", StringComparison.Ordinal), updated);
    }

    [Fact]
    public void TrySet_SameKeyUnderAnotherParent_ChangesTheNamedOne()
    {
        var updated = PolicyYamlEditor.TrySet(Yaml, "circuit_breakers.per_investigation.max_steps", "25", out _);

        Assert.Contains("max_steps: 25", updated, StringComparison.Ordinal);
        Assert.Contains("max_steps: 99", updated, StringComparison.Ordinal);
        Assert.Equal("25", PolicyYamlEditor.TryGet(updated!, "circuit_breakers.per_investigation.max_steps", out _));
        Assert.Equal("99", PolicyYamlEditor.TryGet(updated!, "circuit_breakers.global.max_steps", out _));
    }

    [Fact]
    public void TryGet_QuotedValue_Unquoted()
    {
        Assert.Equal("0.55", PolicyYamlEditor.TryGet(Yaml, "triage.severity_scores.high", out _));
    }

    [Fact]
    public void TrySet_CrLfFile_KeepsLineEndings()
    {
        var crlf = Yaml.ReplaceLineEndings("\r\n");

        var updated = PolicyYamlEditor.TrySet(crlf, "investigation.confidence_threshold", "0.8", out _);

        Assert.Equal(crlf.Replace("confidence_threshold: 0.85", "confidence_threshold: 0.8", StringComparison.Ordinal), updated);
    }

    [Theory]
    [InlineData("triage.weights.temporal_proximity")]
    [InlineData("triage.nothing.alert_fidelity")]
    [InlineData("investigation.weights")]
    public void TrySet_MissingPath_NullWithError(string path)
    {
        Assert.Null(PolicyYamlEditor.TrySet(Yaml, path, "1", out var error));
        Assert.Contains("not in the policy file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TrySet_MapNotScalar_Refused()
    {
        Assert.Null(PolicyYamlEditor.TrySet(Yaml, "triage.weights", "1", out var error));
        Assert.Contains("not a plain one-line value", error, StringComparison.Ordinal);
    }
}
