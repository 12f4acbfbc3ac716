using System.Security.Cryptography;
using AgenticIR.Core.Alerts;
using AgenticIR.Core.Policy;
using AgenticIR.Core.Response;
using AgenticIR.Core.Triage;
using AgenticIR.Definitions.Policy;
using AgenticIR.Testing;

namespace AgenticIR.Definitions.Tests.Policy;

public sealed class GovernancePolicyLoaderTests
{
    private static readonly string ShippedPath = Path.Combine(RepoPaths.Config, "governance.yaml");

    [Fact]
    public void TryLoad_ShippedPolicy_HasNoErrors()
    {
        var (policy, errors) = GovernancePolicyLoader.TryLoad(ShippedPath);

        Assert.Empty(errors.Select(e => e.ToString()));
        Assert.NotNull(policy);
    }

    [Fact]
    public void Load_ShippedPolicy_CarriesTheArticleValues()
    {
        var policy = GovernancePolicyLoader.Load(ShippedPath);

        var critical = policy.Escalation.For(Severity.Critical);
        Assert.Equal((InvestigationPath.Assisted, 0, 5), (critical.Path, critical.MaxAutonomousActions, critical.EscalationTimeoutMinutes));
        Assert.Equal(["ir_lead", "soc_manager", "ciso"], critical.EscalationTargets);
        Assert.Equal(ApprovalClass.AutoApprove, policy.ApprovalGates.ClassOf("create_ticket"));
        Assert.Equal(ApprovalClass.RequireApproval, policy.ApprovalGates.ClassOf("block_ip"));
        Assert.Equal(ApprovalClass.RequireSeniorApproval, policy.ApprovalGates.ClassOf("wipe_endpoint"));
        Assert.Equal(ActionRisk.High, policy.ApprovalGates.RiskOf("isolate_endpoint", reversible: true));
        Assert.Equal(new ApprovalTimeouts(300, 60, 600), policy.ApprovalTimeouts);
        Assert.Equal("auto_approve_reversible", policy.TimeoutBehavior[Severity.Low]);
        Assert.Equal(new InvestigationBudget(20, 60, 200, 15), policy.CircuitBreakers.PerInvestigation);
        Assert.Equal(new GlobalLimits(100, 10, 5, 10), policy.CircuitBreakers.Global);
        Assert.Equal(
            [new KillSwitchTrigger("consecutive_failures", ">", 5), new KillSwitchTrigger("false_positive_rate", ">", 0.3), new KillSwitchTrigger("response_actions_per_minute", ">", 10)],
            policy.KillSwitch.Triggers);
        Assert.Equal((2555, "sha256_chain"), (policy.AuditTrail.RetentionDays, policy.AuditTrail.TamperProtection));
        Assert.Equal(["json", "csv", "syslog_cef"], policy.AuditTrail.ExportFormats);
        Assert.Equal("learning_agent", policy.Compliance.Nist80061["post_incident"]);
        Assert.Equal("Incident Handling - agentic pipeline", policy.Compliance.Nist80053["IR-4"]);
        Assert.Equal(0.30, policy.Triage.Weights["asset_criticality"]);
        Assert.Equal(1.0, policy.Triage.Weights.Values.Sum(), precision: 9);
        Assert.Equal(0.75, policy.Triage.SeverityScores[Severity.Critical]);
        Assert.Equal(0.85, policy.Investigation.ConfidenceThreshold);
    }

    [Fact]
    public void Load_NoInformationalRows_EveryInformationalSettingCopiesLow()
    {
        var policy = GovernancePolicyLoader.Load(ShippedPath);

        Assert.All(Enum.GetValues<Severity>(), s => Assert.True(policy.Escalation.Thresholds.ContainsKey(s), s.ToString()));
        Assert.All(Enum.GetValues<Severity>(), s => Assert.True(policy.TimeoutBehavior.ContainsKey(s), s.ToString()));
        var low = policy.Escalation.For(Severity.Low);
        var info = policy.Escalation.For(Severity.Informational);
        Assert.Equal((low.Path, low.MaxAutonomousActions, low.EscalationTimeoutMinutes), (info.Path, info.MaxAutonomousActions, info.EscalationTimeoutMinutes));
        Assert.Equal(low.EscalationTargets, info.EscalationTargets);
        Assert.Equal(policy.TimeoutBehavior[Severity.Low], policy.TimeoutBehavior[Severity.Informational]);
    }

    [Fact]
    public void Load_InformationalRow_IsUsedInsteadOfLow()
    {
        using var scratch = new ScratchFolder();
        var text = File.ReadAllText(ShippedPath).Replace(
            "    # AgenticIR: the article has no informational row.",
            "    informational:\n      investigation_path: manual\n      max_autonomous_actions: 0\n      escalation_timeout_minutes: 1440\n      escalation_targets: [soc_analyst]\n    #",
            StringComparison.Ordinal);

        var policy = GovernancePolicyLoader.Load(scratch.Write("governance.yaml", text));

        Assert.Equal((InvestigationPath.Manual, 1440), (policy.Escalation.For(Severity.Informational).Path, policy.Escalation.For(Severity.Informational).EscalationTimeoutMinutes));
    }

    [Fact]
    public void Load_MaxStepsThree_LoadsWithMaxStepsThree()
    {
        using var scratch = new ScratchFolder();
        var text = File.ReadAllText(ShippedPath).Replace("    max_steps: 20\n", "    max_steps: 3\n", StringComparison.Ordinal);

        var policy = GovernancePolicyLoader.Load(scratch.Write("governance.yaml", text));

        Assert.Equal(3, policy.CircuitBreakers.PerInvestigation.MaxSteps);
    }

    [Fact]
    public void Load_ShippedPolicy_HashIsSha256OfTheFileBytes()
    {
        var policy = GovernancePolicyLoader.Load(ShippedPath);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(ShippedPath))), policy.Hash);
    }

    [Fact]
    public void Load_InvalidFile_ThrowsWithEveryError()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "invalid", "policy", "several_errors.yaml");

        var ex = Assert.Throws<DefinitionValidationException>(() => GovernancePolicyLoader.Load(path));

        Assert.True(ex.Errors.Count >= 5, ex.Message);
        Assert.All(ex.Errors, e => Assert.Equal(path, e.File));
    }

    [Fact]
    public void TryLoad_MissingFile_ReportsCannotRead()
    {
        var (policy, errors) = GovernancePolicyLoader.TryLoad(Path.Combine(AppContext.BaseDirectory, "no-such-policy.yaml"));

        Assert.Null(policy);
        Assert.StartsWith("cannot read file:", Assert.Single(errors).Message, StringComparison.Ordinal);
    }
}
