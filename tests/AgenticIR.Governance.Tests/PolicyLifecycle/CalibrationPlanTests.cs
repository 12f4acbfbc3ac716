using AgenticIR.Core.Learning;
using AgenticIR.Core.Policy;
using AgenticIR.Definitions.Policy;
using AgenticIR.Governance.PolicyLifecycle;
using AgenticIR.Testing;

namespace AgenticIR.Governance.Tests.PolicyLifecycle;

public sealed class CalibrationPlanTests
{
    private static readonly GovernancePolicy Shipped = GovernancePolicyLoader.Load(Path.Combine(RepoPaths.Config, "governance.yaml"));

    private static CalibrationProposal Proposal(string parameter, string current, string proposed) => new(parameter, current, proposed, "test");

    [Fact]
    public void For_WeightLowered_OthersRenormalisedToSumOne()
    {
        var plan = CalibrationPlan.For(Proposal("triage.weights.alert_fidelity", "0.15", "0.12"), Shipped, out var error);

        Assert.Null(error);
        Assert.Equal(PolicyVersion.CalibrationKind, plan!.Kind);
        var values = plan.Edits.ToDictionary(e => e.Path["triage.weights.".Length..], e => double.Parse(e.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(5, values.Count);
        Assert.Equal(0.12, values["alert_fidelity"]);
        Assert.Equal(1.0, values.Values.Sum(), 6);
        // The others keep their proportions (asset criticality three times temporal proximity), within rounding.
        Assert.InRange(values["asset_criticality"] - values["temporal_proximity"] * 3, -0.001, 0.001);
        Assert.True(values["asset_criticality"] > 0.30);
    }

    [Theory]
    [InlineData("triage.severity_scores.high", "0.6")]
    [InlineData("triage.autonomous_min_confidence", "0.65")]
    [InlineData("investigation.confidence_threshold", "0.8")]
    public void For_Calibration_OneEditOfKindCalibration(string parameter, string value)
    {
        var plan = CalibrationPlan.For(Proposal(parameter, "0", value), Shipped, out _);

        Assert.Equal(PolicyVersion.CalibrationKind, plan!.Kind);
        Assert.Equal([new CalibrationEdit(parameter, value)], plan.Edits);
    }

    [Fact]
    public void For_Budget_KindPolicy()
    {
        var plan = CalibrationPlan.For(Proposal("circuit_breakers.per_investigation.max_steps", "20", "25"), Shipped, out _);

        Assert.Equal(PolicyVersion.PolicyKind, plan!.Kind);
        Assert.Equal([new CalibrationEdit("circuit_breakers.per_investigation.max_steps", "25")], plan.Edits);
    }

    [Theory]
    [InlineData("approval_gates.action_risk_classification.auto_approve", "isolate_endpoint")]
    [InlineData("circuit_breakers.global.max_actions_per_hour", "1000")]
    [InlineData("kill_switch.enabled", "false")]
    [InlineData("triage.weights.astrology", "0.1")]
    [InlineData("triage.severity_scores.catastrophic", "0.9")]
    [InlineData("triage.weights.alert_fidelity", "lots")]
    public void For_NotCalibratable_Refused(string parameter, string value)
    {
        Assert.Null(CalibrationPlan.For(Proposal(parameter, "x", value), Shipped, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
