using AgenticIR.Agents.Triage;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Reasoning;

namespace AgenticIR.Agents.Tests.Triage;

public sealed class ModelSeverityBoundsTests
{
    private static TriageJudgement Proposing(Severity severity) => new("text", severity, ["because"]);

    [Fact]
    public void Apply_ModelClaimsCriticalOnALowAlert_RaisedOneLevelOnly()
    {
        var (severity, note) = ModelSeverityBounds.Apply(Severity.Low, Proposing(Severity.Critical), null, ModelPolicy.Default);

        Assert.Equal(Severity.Medium, severity);
        Assert.Contains("bounded to medium", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ModelProposesBelowTheSourceFloor_KeptAtTheFloor()
    {
        var (severity, _) = ModelSeverityBounds.Apply(Severity.High, Proposing(Severity.Medium), Severity.High, ModelPolicy.Default);

        Assert.Equal(Severity.High, severity);
    }

    [Fact]
    public void Apply_ModelProposesOneLevelDownAboveTheFloor_Applied()
    {
        var (severity, note) = ModelSeverityBounds.Apply(Severity.High, Proposing(Severity.Medium), Severity.Low, ModelPolicy.Default);

        Assert.Equal(Severity.Medium, severity);
        Assert.Contains("applied", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_PolicyAllowsNoChange_DeterministicKept()
    {
        var (severity, _) = ModelSeverityBounds.Apply(Severity.Medium, Proposing(Severity.High), null, ModelPolicy.Default with { MaxSeverityChange = 0 });

        Assert.Equal(Severity.Medium, severity);
    }

    [Fact]
    public void Apply_NoProposal_NoNote()
    {
        var (severity, note) = ModelSeverityBounds.Apply(Severity.Medium, new TriageJudgement("text"), Severity.High, ModelPolicy.Default);

        Assert.Equal(Severity.Medium, severity);
        Assert.Null(note);
    }
}
